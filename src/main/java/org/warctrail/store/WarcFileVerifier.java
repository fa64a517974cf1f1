package org.warctrail.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.warctrail.store.RecordBoundaryScanner.Framing;

/**
 * Reads every record of a WARC (or ARC) file back and checks it: the gzip member it sits in (inflates whole, CRC-32
 * and length as its trailer says), its header, its block and payload digests ({@link RecordDigests}). Each record,
 * and each stretch that cannot be read as one, goes to the consumer in file order as it is read; reading goes on
 * at the next readable record after damage. Memory stays flat whatever the file's size.
 */
public final class WarcFileVerifier {
    private static final int SKIP_BUFFER = 64 * 1024;
    /**
     * Records of one gzip member held until its end is known (a whole file gzipped as one member holds them all):
     * beyond this many, the earlier ones go out with length -1, which says "shares a member with the next".
     */
    static final int MEMBER_RECORDS_HELD = 1000;

    /** What a file held: records read (damaged ones included) and how many were damaged. */
    public record Outcome(long records, long damaged, long bytes) {
    }

    private final Path file;
    private final long limit;
    private final Consumer<VerifiedRecord> out;
    private long records;
    private long damaged;

    private WarcFileVerifier(Path file, long limit, Consumer<VerifiedRecord> out) {
        this.file = file;
        this.limit = limit;
        this.out = out;
    }

    /** Verifies {@code file} up to {@code limit} bytes (its size, or less for a file a capture is writing). */
    public static Outcome verify(Path file, long limit, Consumer<VerifiedRecord> out) throws IOException {
        long end = Math.min(limit, Files.size(file));
        WarcFileVerifier verifier = new WarcFileVerifier(file, end, out);
        if (RecordBoundaryScanner.framing(file) == Framing.GZIP) verifier.members();
        else verifier.sequential(RecordBoundaryScanner.framing(file));
        return new Outcome(verifier.records, verifier.damaged, end);
    }

    /** One gzip member at a time: a damaged member is told apart from its neighbours. */
    private void members() throws IOException {
        long from = 0;
        while (from < limit) {
            long damagedAt = -1;
            VerifiedRecord unfinished = null;
            try (GzipMembers members = new GzipMembers(file, from, limit)) {
                while (!members.atEnd()) {
                    long start = members.position();
                    List<VerifiedRecord> read = member(members, start);
                    if (members.end() < 0) {
                        damagedAt = start;
                        unfinished = read.isEmpty() ? null : read.get(read.size() - 1);
                        break;
                    }
                    for (VerifiedRecord r : read) emit(withLength(r, members.end() - start));
                }
            }
            if (damagedAt < 0) return;
            from = skipDamage(damagedAt, unfinished, Framing.GZIP);
        }
    }

    /** The records of the member at {@code start}, each with its problems; the member's own damage goes to the last. */
    private List<VerifiedRecord> member(GzipMembers members, long start) {
        List<VerifiedRecord> read = new ArrayList<>(1);
        InputStream in = null;
        try {
            in = members.next();
            org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(in);
            reader.setLenient(true);
            reader.calculateBlockDigest();
            boolean arc = false;
            while (true) {
                Optional<WarcRecord> record;
                try {
                    record = reader.next();
                } catch (java.io.EOFException e) {
                    // an ARC record's closing newline may lie outside its member (the next one's first byte)
                    if (arc) break;
                    throw e;
                }
                if (record.isEmpty()) break;
                arc = record.get().version().getProtocol().equals("ARC");
                if (read.size() >= MEMBER_RECORDS_HELD) {
                    for (VerifiedRecord r : read.subList(0, read.size() - 1)) emit(withLength(r, -1));
                    read.subList(0, read.size() - 1).clear();
                }
                read.add(described(record.get(), start, 0, new ArrayList<>()));
                RecordDigests.Outcome outcome = RecordDigests.check(record.get());
                List<String> problems = read.get(read.size() - 1).problems();
                problems.addAll(outcome.problems());
                if (outcome.payloadProblem() != null && read.size() == 1 && rawPayloadMatches(start)) {
                    problems.remove(outcome.payloadProblem());
                }
            }
            drain(in); // to the member's end, where its CRC-32 is checked
        } catch (IOException | RuntimeException e) {
            String problem = RecordDigests.message(e);
            if (in != null && members.end() < 0 && !(e instanceof GzipMembers.Damage)) {
                try {
                    drain(in);
                } catch (IOException | RuntimeException gzip) {
                    problem = problem + "; " + RecordDigests.message(gzip);
                }
            }
            if (read.isEmpty()) read.add(new VerifiedRecord(start, 0, null, null, null, null, new ArrayList<>()));
            read.get(read.size() - 1).problems().add(problem);
        }
        return read;
    }

    /** Plain and zstd files: jwarc reads on from record to record, each one's end being where the next starts. */
    private void sequential(Framing framing) throws IOException {
        long from = 0;
        while (from < limit) {
            VerifiedRecord pending = null;
            long failedAt = -1;
            try (FilePrefixChannel channel = new FilePrefixChannel(FileChannel.open(file), limit)) {
                channel.position(from);
                org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(channel);
                reader.setLenient(true);
                reader.calculateBlockDigest();
                while (true) {
                    Optional<WarcRecord> record;
                    try {
                        record = reader.next();
                    } catch (IOException | RuntimeException e) {
                        if (FilePrefixChannel.isReadPastEnd(e) && pending != null) {
                            emit(withLength(pending, limit - pending.offset()));
                            return;
                        }
                        long at = reader.position();
                        if (pending != null && at == pending.offset()) {
                            // its trailer was not where its length said: the record itself is at fault
                            pending.problems().add(RecordDigests.message(e));
                            failedAt = at;
                            break;
                        }
                        if (pending != null) emit(withLength(pending, at - pending.offset()));
                        pending = new VerifiedRecord(at, 0, null, null, null, null,
                                new ArrayList<>(List.of(RecordDigests.message(e))));
                        failedAt = at;
                        break;
                    }
                    if (pending != null) emit(withLength(pending, reader.position() - pending.offset()));
                    if (record.isEmpty()) return;
                    pending = described(record.get(), reader.position(), 0, new ArrayList<>());
                    try {
                        RecordDigests.Outcome outcome = RecordDigests.check(record.get());
                        pending.problems().addAll(outcome.problems());
                        if (outcome.payloadProblem() != null && rawPayloadMatches(pending.offset())) {
                            pending.problems().remove(outcome.payloadProblem());
                        }
                    } catch (IOException | RuntimeException e) {
                        pending.problems().add(RecordDigests.message(e));
                    }
                }
            }
            from = skipDamage(failedAt, pending, framing);
        }
    }

    /**
     * Reports the damage at {@code at} as one record reaching to the next readable one, and returns where reading
     * goes on (the limit when nothing after it is readable). An ARC record whose header only needs the repair
     * import makes ({@link ArcHeaderRepair}) is read that way and is not damage.
     */
    private long skipDamage(long at, VerifiedRecord found, Framing framing) throws IOException {
        long next = RecordBoundaryScanner.nextReadable(file, framing, at + 1, limit);
        long end = next < 0 ? limit : next;
        VerifiedRecord record = found != null ? found
                : new VerifiedRecord(at, 0, null, null, null, null, new ArrayList<>(List.of("unreadable")));
        if (framing == Framing.PLAIN && repairedArcReads(at)) {
            record = new VerifiedRecord(at, 0, record.type(), record.url(), null, null, new ArrayList<>());
        }
        emit(withLength(record, end - at));
        return end;
    }

    private boolean repairedArcReads(long offset) {
        try (StoredRecord stored = StoredRecord.open(file, offset)) {
            stored.record().body().consume();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether the record at {@code offset} declares the digest of its raw HTTP payload (chunked framing kept). */
    private boolean rawPayloadMatches(long offset) {
        try (StoredRecord stored = StoredRecord.open(file, offset)) {
            return RecordDigests.matchesRawHttpPayload(stored.record());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static VerifiedRecord described(WarcRecord record, long offset, long length, List<String> problems) {
        String url = record instanceof WarcTargetRecord t ? t.target() : null;
        return new VerifiedRecord(offset, length, record.headers().first("WARC-Type").orElse(null), url,
                record.headers().first("WARC-Record-ID").orElse(null),
                record.headers().first("WARC-Payload-Digest").orElse(null), problems);
    }

    private static VerifiedRecord withLength(VerifiedRecord r, long length) {
        return new VerifiedRecord(r.offset(), length, r.type(), r.url(), r.recordId(), r.payloadDigest(), r.problems());
    }

    private void emit(VerifiedRecord record) {
        records++;
        if (!record.intact()) damaged++;
        out.accept(record);
    }

    private static void drain(InputStream in) throws IOException {
        byte[] skip = new byte[SKIP_BUFFER];
        while (in.read(skip) >= 0) {
            // read to the end
        }
    }
}
