package org.warctrail.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Checks a record against the digests it declares, reading its block once: {@code WARC-Block-Digest} over the
 * whole block (jwarc computes it as the block is read, once its reader is told to), {@code WARC-Payload-Digest}
 * over the payload as jwarc reads it (an HTTP entity with its chunked framing removed). A revisit's payload
 * digest names another record's payload, and a truncated record's may name the whole payload: neither is checked.
 */
public final class RecordDigests {
    private static final int BUFFER = 64 * 1024;

    /** What a check found: the payload digest's problem and the block digest's, each null when it held. */
    public record Outcome(String payloadProblem, String blockProblem) {
        public List<String> problems() {
            List<String> all = new ArrayList<>(2);
            if (payloadProblem != null) all.add(payloadProblem);
            if (blockProblem != null) all.add(blockProblem);
            return all;
        }
    }

    private RecordDigests() {
    }

    /**
     * Reads the rest of the record's block and compares its digests. The reader must have been told to
     * {@code calculateBlockDigest()} before the record was read.
     */
    public static Outcome check(WarcRecord record) throws IOException {
        String payloadProblem = null;
        Optional<String> declaredPayload = record.headers().first("WARC-Payload-Digest");
        if (declaredPayload.isPresent() && record instanceof WarcTargetRecord target && !(record instanceof WarcRevisit)
                && record.truncated() == WarcTruncationReason.NOT_TRUNCATED) {
            payloadProblem = checkPayload(target, declaredPayload.get()).orElse(null);
        }
        String blockProblem = null;
        Optional<String> declaredBlock = record.headers().first("WARC-Block-Digest");
        if (declaredBlock.isPresent()) {
            Optional<WarcDigest> computed = record.calculatedBlockDigest();
            if (computed.isEmpty()) {
                record.body().consume();
                if (knownAlgorithm(declaredBlock.get())) {
                    blockProblem = "block digest " + declaredBlock.get() + " was not computed";
                }
            } else {
                blockProblem = compare("block", declaredBlock.get(), computed.get()).orElse(null);
            }
        } else {
            record.body().consume();
        }
        return new Outcome(payloadProblem, blockProblem);
    }

    /**
     * Whether the declared payload digest is that of the raw bytes after the HTTP head (chunked framing kept), as
     * some tools write it. Reads the record's block from where it is.
     */
    public static boolean matchesRawHttpPayload(WarcRecord record) throws IOException {
        Optional<String> declared = record.headers().first("WARC-Payload-Digest");
        if (declared.isEmpty() || !knownAlgorithm(declared.get())) return false;
        MessageDigest digest = digester(declared.get());
        MessageBody body = record.body();
        ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
        int state = 0; // bytes of CR LF CR LF seen so far; 4 once the head has ended
        while (body.read(buffer) >= 0) {
            buffer.flip();
            while (buffer.hasRemaining() && state < 4) {
                byte b = buffer.get();
                state = b == (state % 2 == 0 ? '\r' : '\n') ? state + 1 : (b == '\r' ? 1 : 0);
            }
            if (state == 4) digest.update(buffer);
            buffer.clear();
        }
        if (state < 4) return false;
        try {
            return Arrays.equals(new WarcDigest(declared.get()).bytes(), digest.digest());
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<String> checkPayload(WarcTargetRecord record, String declared) {
        if (!knownAlgorithm(declared)) return Optional.empty();
        try {
            Optional<WarcPayload> payload = record.payload();
            if (payload.isEmpty()) return Optional.empty();
            MessageDigest digest = digester(declared);
            MessageBody body = payload.get().body();
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (body.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
            return compare("payload", declared, new WarcDigest(digest));
        } catch (IOException | RuntimeException e) {
            return Optional.of("payload unreadable: " + message(e));
        }
    }

    private static Optional<String> compare(String what, String declared, WarcDigest computed) {
        byte[] expected;
        try {
            expected = new WarcDigest(declared).bytes();
        } catch (RuntimeException e) {
            return Optional.of(what + " digest " + declared + " cannot be read: " + message(e));
        }
        if (Arrays.equals(expected, computed.bytes())) return Optional.empty();
        return Optional.of(what + " digest mismatch: declared " + declared + ", computed "
                + computed.algorithm() + ":" + computed.base32());
    }

    private static MessageDigest digester(String declared) {
        try {
            return new WarcDigest(declared).getDigester();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether Java can compute the digest's algorithm (an unknown one is not checked, nor held against it). */
    static boolean knownAlgorithm(String declared) {
        try {
            new WarcDigest(declared).getDigester();
            return true;
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            return false;
        }
    }

    static String message(Throwable e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
