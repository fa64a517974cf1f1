package org.warctrail.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Removes the content coding (gzip, deflate) from a payload for link extraction, stopping at a size
 * limit so a small compressed bomb cannot exhaust memory.
 */
final class PayloadDecoder {
    /** Decoded payloads are cut at this size. */
    static final int DECODED_LIMIT = 32 * 1024 * 1024;

    private PayloadDecoder() {
    }

    /**
     * @param contentEncoding the Content-Encoding header, or null
     * @return the decoded bytes, or the input itself when the coding is identity or unknown
     * @throws IOException when the compressed data is corrupt
     */
    static byte[] decode(byte[] payload, String contentEncoding) throws IOException {
        if (contentEncoding == null) {
            return payload;
        }
        String coding = contentEncoding.trim().toLowerCase(Locale.ROOT);
        return switch (coding) {
            case "gzip", "x-gzip" -> readLimited(new GZIPInputStream(new java.io.ByteArrayInputStream(payload)));
            case "deflate" -> inflate(payload);
            default -> payload;
        };
    }

    private static byte[] inflate(byte[] payload) throws IOException {
        // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate: try both.
        try {
            return readLimited(new InflaterInputStream(new java.io.ByteArrayInputStream(payload)));
        } catch (java.util.zip.ZipException e) {
            return readLimited(new InflaterInputStream(new java.io.ByteArrayInputStream(payload), new Inflater(true)));
        }
    }

    private static byte[] readLimited(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (in) {
            byte[] buf = new byte[65536];
            int n;
            while (out.size() < DECODED_LIMIT && (n = in.read(buf, 0, Math.min(buf.length, DECODED_LIMIT - out.size()))) >= 0) {
                out.write(buf, 0, n);
            }
        } catch (java.io.EOFException e) {
            // a truncated stream (a response cut at the size limit): keep what decoded
        }
        return out.toByteArray();
    }
}
