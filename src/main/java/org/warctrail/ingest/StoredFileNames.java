package org.warctrail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.warctrail.store.RecordBoundaryScanner;

/**
 * The names an imported file gets in the store: an extension that says what it holds (by its first bytes, not its
 * old name), short enough for any file system, never one already taken.
 */
final class StoredFileNames {
    static final List<String> EXTENSIONS = List.of(".warc.gz", ".warc.zst", ".warc", ".arc.gz", ".arc");

    private StoredFileNames() {
    }

    /**
     * A name short enough for any file system (255 bytes), its extension kept: a WACZ entry may have a name of
     * any length; a long one keeps its start and a hash of the whole.
     */
    static String shortName(String name) {
        if (name.getBytes(StandardCharsets.UTF_8).length <= 120) return name;
        String lower = name.toLowerCase(Locale.ROOT);
        String ext = EXTENSIONS.stream().filter(lower::endsWith).findFirst().orElse("");
        String base = name.substring(0, name.length() - ext.length());
        String hash = Integer.toHexString(name.hashCode());
        StringBuilder head = new StringBuilder();
        for (int i = 0; i < base.length() && head.toString().getBytes(StandardCharsets.UTF_8).length < 80; ) {
            int cp = base.codePointAt(i);
            head.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        return head + "-" + hash + ext;
    }

    /** {@code dir/name}, or {@code dir/name-1.ext}, {@code -2}... when taken. */
    static Path uniquePath(Path dir, String name) {
        Path candidate = dir.resolve(name);
        String ext = EXTENSIONS.stream().filter(e -> name.toLowerCase(Locale.ROOT).endsWith(e)).findFirst()
                .orElse(name.endsWith(".part") ? ".part" : "");
        String base = name.substring(0, name.length() - ext.length());
        for (int i = 1; Files.exists(candidate) || Files.exists(candidate.resolveSibling(candidate.getFileName() + ".part")); i++) {
            candidate = dir.resolve(base + "-" + i + ext);
        }
        return candidate;
    }

    /** The name a copy gets: the original when its extension says what it is, else with the right one. */
    static String storedName(String fileName, String extension) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(extension)) return fileName;
        for (String e : EXTENSIONS) {
            if (lower.endsWith(e)) return fileName.substring(0, fileName.length() - e.length()) + extension;
        }
        int dot = fileName.lastIndexOf('.');
        if (dot > 0) {
            String stripped = fileName.substring(0, dot);
            for (String e : EXTENSIONS) {
                if (stripped.toLowerCase(Locale.ROOT).endsWith(e)) {
                    return stripped.substring(0, stripped.length() - e.length()) + extension;
                }
            }
        }
        return fileName + extension;
    }

    /** What the file holds, by its first bytes: WARC or ARC, and how it is compressed. */
    static String sniffExtension(Path file, RecordBoundaryScanner.Framing framing) throws IOException {
        if (framing == RecordBoundaryScanner.Framing.ZSTD) return ".warc.zst";
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = framing == RecordBoundaryScanner.Framing.GZIP ? new GZIPInputStream(raw) : raw) {
            byte[] head = in.readNBytes(16);
            String start = new String(head, StandardCharsets.ISO_8859_1).stripLeading();
            String kind = start.startsWith("WARC/") ? ".warc" : ".arc";
            return framing == RecordBoundaryScanner.Framing.GZIP ? kind + ".gz" : kind;
        } catch (IOException e) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.contains(".arc") && !name.contains(".warc")
                    ? (framing == RecordBoundaryScanner.Framing.GZIP ? ".arc.gz" : ".arc")
                    : (framing == RecordBoundaryScanner.Framing.GZIP ? ".warc.gz" : ".warc");
        }
    }

    static String stripExtension(String name, String ext) {
        return name.toLowerCase(Locale.ROOT).endsWith(ext) ? name.substring(0, name.length() - ext.length()) : name;
    }
}
