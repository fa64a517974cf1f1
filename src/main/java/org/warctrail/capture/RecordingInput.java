package org.warctrail.capture;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.MessageDigest;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Reads a server's bytes and records each byte as it is consumed (not as it is buffered), so the record
 * holds exactly the message and nothing after it. Enforces the byte limit and the deadline: when either
 * is reached it reports end of input and remembers why.
 */
final class RecordingInput {
    private final InputStream in;
    private final Socket socket;
    private final OutputStream record;
    private final MessageDigest blockDigest;
    private final long maxBytes;
    private final long deadlineNanos;
    private final int readTimeoutMillis;
    private final byte[] buffer = new byte[65536];
    private int pos;
    private int limit;
    private long consumed;
    private boolean eof;
    private WarcTruncationReason truncation = WarcTruncationReason.NOT_TRUNCATED;

    RecordingInput(Socket socket, InputStream in, OutputStream record, MessageDigest blockDigest, long maxBytes,
                   long deadlineNanos, int readTimeoutMillis) {
        this.socket = socket;
        this.in = in;
        this.record = record;
        this.blockDigest = blockDigest;
        this.maxBytes = maxBytes;
        this.deadlineNanos = deadlineNanos;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    long consumed() {
        return consumed;
    }

    /** Whether bytes past what was consumed were read from the connection (a server sending more than asked). */
    boolean hasUnconsumed() {
        return pos < limit;
    }

    /** Why input ended early, or NOT_TRUNCATED. */
    WarcTruncationReason truncation() {
        return truncation;
    }

    void markTruncated(WarcTruncationReason reason) {
        if (truncation == WarcTruncationReason.NOT_TRUNCATED) {
            truncation = reason;
        }
    }

    /** One byte, or -1 at end of input. */
    int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        byte b = buffer[pos++];
        recordBytes(pos - 1, 1);
        return b & 0xff;
    }

    /** Up to {@code len} bytes, or -1 at end of input. */
    int read(byte[] dst, int off, int len) throws IOException {
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buffer, pos, dst, off, n);
        pos += n;
        recordBytes(pos - n, n);
        return n;
    }

    private void recordBytes(int from, int n) throws IOException {
        record.write(buffer, from, n);
        blockDigest.update(buffer, from, n);
        consumed += n;
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        if (eof) {
            return false;
        }
        long allowance = maxBytes - consumed;
        if (allowance <= 0) {
            markTruncated(WarcTruncationReason.LENGTH);
            eof = true;
            return false;
        }
        long remainingNanos = deadlineNanos - System.nanoTime();
        if (remainingNanos <= 0) {
            markTruncated(WarcTruncationReason.TIME);
            eof = true;
            return false;
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(readTimeoutMillis, remainingNanos / 1_000_000)));
        int n;
        try {
            n = in.read(buffer, 0, (int) Math.min(buffer.length, allowance));
        } catch (SocketTimeoutException e) {
            markTruncated(WarcTruncationReason.TIME);
            eof = true;
            return false;
        } catch (IOException e) {
            if (consumed == 0) {
                throw e;
            }
            markTruncated(WarcTruncationReason.DISCONNECT);
            eof = true;
            return false;
        }
        if (n < 0) {
            eof = true;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }
}
