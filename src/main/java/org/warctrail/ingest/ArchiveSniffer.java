package org.warctrail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Tells an archive file by its first bytes, not its name: a directory import takes a plain WARC named
 * {@code .warc.gz}, a gzip named {@code .warc} or {@code .bad}, and passes over a README or LICENSE beside them.
 */
final class ArchiveSniffer {
    private static final Pattern ARC_LINE = Pattern.compile("[a-z][a-z0-9+.-]*:\\S.* \\d{1,3}(\\.\\d{1,3}){3} .*");

    private ArchiveSniffer() {
    }

    static boolean isArchive(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(4);
        }
        if (head.length < 4) return false;
        int b0 = head[0] & 0xff;
        int b1 = head[1] & 0xff;
        if (b0 == 0x1f && b1 == 0x8b) return startsLikeRecord(file, true);
        if (b0 == 0x28 && b1 == 0xb5 && (head[2] & 0xff) == 0x2f && (head[3] & 0xff) == 0xfd) return true; // zstd
        if (b0 == 0x50 && b1 == 0x2a && (head[2] & 0xff) == 0x4d && (head[3] & 0xff) == 0x18) return true;
        if (b0 == 'P' && b1 == 'K' && head[2] == 3 && head[3] == 4) return WarcImporter.isWacz(file);
        return startsLikeRecord(file, false);
    }

    private static boolean startsLikeRecord(Path file, boolean gzip) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw) : raw) {
            byte[] head = in.readNBytes(512);
            String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
            if (text.startsWith("WARC/")) return true;
            int eol = text.indexOf('\n');
            String line = eol < 0 ? text : text.substring(0, eol);
            return ARC_LINE.matcher(line).matches();
        } catch (IOException e) {
            return gzip; // a damaged gzip is still an archive to import, whose damage the import reports
        }
    }
}
