package org.warctrail.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Fails once more than a limit has been read: decompressed payloads are rewritten in memory. */
final class BoundedInputStream extends FilterInputStream {
    private final long limit;
    private final String what;
    private long count;

    BoundedInputStream(InputStream in, long limit, String what) {
        super(in);
        this.limit = limit;
        this.what = what;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) count(n);
        return n;
    }

    private void count(long n) throws IOException {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException("decoded payload of " + what + " exceeds " + (limit >> 20)
                    + " MB, too large to rewrite; its raw form replays at id_");
        }
    }

    /** The payload is too large to rewrite in memory. */
    static final class PayloadTooLargeException extends IOException {
        PayloadTooLargeException(String message) {
            super(message);
        }
    }
}
