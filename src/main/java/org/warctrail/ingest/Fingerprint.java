package org.warctrail.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The identity by which an import recognises a file it has seen: SHA-256 over the size, the first and the last
 * MiB. Constant time for any file size; WARC files differ in their first records (ids, dates) anyway.
 */
public final class Fingerprint {
    private static final int SPAN = 1 << 20;

    private Fingerprint() {
    }

    public static String of(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size = ch.size();
            sha.update(ByteBuffer.allocate(8).putLong(size).flip());
            digest(ch, sha, 0, Math.min(size, SPAN));
            if (size > SPAN) {
                long tail = Math.max(SPAN, size - SPAN);
                digest(ch, sha, tail, size - tail);
            }
            return "sha256-ends:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(FileChannel ch, MessageDigest sha, long from, long length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        long pos = from;
        long end = from + length;
        while (pos < end) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), end - pos));
            int n = ch.read(buffer, pos);
            if (n < 0) break;
            buffer.flip();
            sha.update(buffer);
            pos += n;
        }
    }
}
