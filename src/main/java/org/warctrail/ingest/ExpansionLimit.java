package org.warctrail.ingest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A bound on what one compressed file may expand to while the import decompresses it, so that a zip or gzip bomb
 * (a few MB of zeros that expand to GBs) is stopped early and leaves nothing behind (the import reports it with the
 * file's name): at most
 * {@code maxBytes}, and at most {@code maxRatio} times the compressed bytes read so far once past {@link #FLOOR}.
 */
final class ExpansionLimit {
    /** Small files may expand by any ratio: the ratio is only checked past this many decompressed bytes. */
    static final long FLOOR = 16L << 20;

    /** The decompressed data went past a limit. */
    static final class Exceeded extends IOException {
        Exceeded(String message) {
            super(message);
        }
    }

    private final long maxBytes;
    private final int maxRatio;

    ExpansionLimit(long maxBytes, int maxRatio) {
        this.maxBytes = maxBytes;
        this.maxRatio = maxRatio;
    }

    /** Counts the compressed bytes a decompressor reads, for the ratio. */
    static final class Counted extends FilterInputStream {
        long count;

        Counted(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }

    /**
     * Copies {@code expanded} to {@code out}, checking after each chunk against the compressed bytes read so far:
     * {@code compressedRead} gives them (for a stream under our own decompressor), or it is null and
     * {@code compressedSize} (a zip entry's recorded size) is used.
     */
    long copy(InputStream expanded, OutputStream out, Counted compressedRead, long compressedSize) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long written = 0;
        int n;
        while ((n = expanded.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            written += n;
            if (written > maxBytes) {
                throw new Exceeded("expands past " + maxBytes + " bytes (the import's --max-expanded)");
            }
            long compressed = compressedRead != null ? compressedRead.count : compressedSize;
            if (written > FLOOR && compressed > 0 && written > compressed * maxRatio) {
                throw new Exceeded("expands more than " + maxRatio + " times (" + written + " bytes from "
                        + compressed + " compressed: a zip or gzip bomb?), the import's --max-ratio");
            }
        }
        return written;
    }
}
