package org.warctrail.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.WarcReader;

/**
 * Finds where the next record may start after an unreadable one, reading forward in constant memory: the next
 * gzip member header ({@code 1f 8b 08}) or zstd frame in a compressed file; in a plain file the next line
 * starting a WARC record ({@code WARC/1.x}) or an ARC record header ({@code URL IP DATE MIME LENGTH}).
 */
public final class RecordBoundaryScanner {
    private static final Pattern ARC_HEADER =
            Pattern.compile("[a-z][a-z0-9+.-]*:\\S[^\\n]* \\d{1,3}(\\.\\d{1,3}){3} \\d{12,} \\S+ -?\\S+\\r?");
    private static final int CHUNK = 64 * 1024;

    public enum Framing { GZIP, ZSTD, PLAIN }

    private RecordBoundaryScanner() {
    }

    public static Framing framing(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer head = ByteBuffer.allocate(4);
            while (head.hasRemaining() && ch.read(head) >= 0) {
                // fill
            }
            byte[] b = head.array();
            if ((b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b) return Framing.GZIP;
            if ((b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5 && (b[2] & 0xff) == 0x2f && (b[3] & 0xff) == 0xfd) {
                return Framing.ZSTD;
            }
            if ((b[0] & 0xff) == 0x50 && (b[1] & 0xff) == 0x2a && (b[2] & 0xff) == 0x4d && (b[3] & 0xff) == 0x18) {
                return Framing.ZSTD; // skippable frame holding a zstd dictionary
            }
            return Framing.PLAIN;
        }
    }

    /** The first possible record start at or after {@code from}, or -1 when there is none. */
    public static long next(Path file, Framing framing, long from) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(CHUNK + 9216);
            long pos = from;
            while (pos < size) {
                long base = Math.max(0, pos - 1); // one byte back, to see whether pos starts a line
                buf.clear();
                int n = ch.read(buf, base);
                if (n <= 0) return -1;
                byte[] b = buf.array();
                int first = (int) (pos - base);
                // leave room so a header near the end of the buffer is seen whole in the next round
                int limit = base + n >= size ? n : Math.max(first + 1, n - 9216);
                for (int i = first; i < limit; i++) {
                    if (matches(b, i, n, framing, base + i)) return base + i;
                }
                pos = base + limit;
            }
            return -1;
        }
    }

    /**
     * The first possible record start in {@code [from, before)} where a record can actually be read (its header
     * parses), or -1: a boundary that only looks like one (a line of a payload starting "WARC/1.") is passed over.
     */
    public static long nextReadable(Path file, Framing framing, long from, long before) throws IOException {
        long candidate = next(file, framing, from);
        while (candidate >= 0 && candidate < before) {
            if (readableAt(file, candidate)) return candidate;
            candidate = next(file, framing, candidate + 1);
        }
        return -1;
    }

    /** Whether a record's header reads at {@code offset} (its body is not read). */
    public static boolean readableAt(Path file, long offset) throws IOException {
        long size = java.nio.file.Files.size(file);
        try (FilePrefixChannel channel = new FilePrefixChannel(FileChannel.open(file), size)) {
            channel.position(offset);
            WarcReader reader = new WarcReader(channel);
            reader.setLenient(true);
            if (reader.next().isPresent()) return true;
        } catch (IOException | RuntimeException e) {
            // not a record: try the ARC repair below
        }
        java.util.Optional<ArcHeaderRepair.Repaired> arc = ArcHeaderRepair.open(file, offset);
        if (arc.isEmpty()) return false;
        try (java.nio.channels.ReadableByteChannel c = arc.get().channel()) {
            return new WarcReader(c).next().isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Whether a gzip member starts at {@code offset} (read without moving the channel's position). */
    public static boolean isGzipMemberAt(FileChannel ch, long offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(3);
        while (b.hasRemaining() && ch.read(b, offset + b.position()) > 0) {
            // fill
        }
        return !b.hasRemaining() && (b.get(0) & 0xff) == 0x1f && (b.get(1) & 0xff) == 0x8b && b.get(2) == 8;
    }

    /** Whether nothing but line ends follow {@code from} (a trailing CRLF is not a record). */
    public static boolean onlyLineEndsFrom(Path file, long from) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            long size = ch.size();
            if (size - from > 64) return false;
            ByteBuffer buf = ByteBuffer.allocate(64);
            ch.read(buf, Math.max(0, from));
            for (int i = 0; i < buf.position(); i++) {
                byte b = buf.get(i);
                if (b != '\r' && b != '\n') return false;
            }
            return true;
        }
    }

    private static boolean matches(byte[] b, int i, int n, Framing framing, long absolute) {
        switch (framing) {
            case GZIP:
                return i + 2 < n && (b[i] & 0xff) == 0x1f && (b[i + 1] & 0xff) == 0x8b && b[i + 2] == 8;
            case ZSTD:
                return i + 3 < n && (b[i] & 0xff) == 0x28 && (b[i + 1] & 0xff) == 0xb5 && (b[i + 2] & 0xff) == 0x2f
                        && (b[i + 3] & 0xff) == 0xfd;
            default:
                boolean lineStart = absolute == 0 || (i > 0 && b[i - 1] == '\n');
                if (!lineStart) return false;
                if (startsWith(b, i, n, "WARC/1.")) return true;
                int end = i;
                while (end < n && end - i < 8192 && b[end] != '\n') end++;
                if (end >= n || b[end] != '\n') return false;
                String line = new String(b, i, end - i, StandardCharsets.ISO_8859_1);
                return ARC_HEADER.matcher(line).matches();
        }
    }

    private static boolean startsWith(byte[] b, int i, int n, String prefix) {
        if (i + prefix.length() > n) return false;
        for (int k = 0; k < prefix.length(); k++) if (b[i + k] != prefix.charAt(k)) return false;
        return true;
    }
}
