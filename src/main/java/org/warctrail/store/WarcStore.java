package org.warctrail.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The store directory: {@code warcs/} holds the WARC files, the source of truth; {@code index.sqlite} beside
 * it is derived from them and can be rebuilt at any time.
 */
public final class WarcStore {
    private final Path dir;
    private final Path warcs;

    private WarcStore(Path dir) {
        this.dir = dir;
        this.warcs = dir.resolve("warcs");
    }

    /** Opens the store at {@code dir}, creating it if needed. */
    public static WarcStore open(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("store is not a directory: " + dir);
        }
        WarcStore store = new WarcStore(dir.toAbsolutePath().normalize());
        Files.createDirectories(store.warcs);
        return store;
    }

    public Path dir() {
        return dir;
    }

    public Path warcsDir() {
        return warcs;
    }

    public Path indexFile() {
        return dir.resolve("index.sqlite");
    }

    /** The path of a file as index rows name it (relative to warcs/, or absolute for in-place files). */
    public Path resolve(String file) {
        Path p = Path.of(file);
        return p.isAbsolute() ? p : warcs.resolve(p).normalize();
    }

    /** How index rows name a path: relative when it lies under warcs/, absolute otherwise. */
    public String nameOf(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(warcs) ? warcs.relativize(abs).toString() : abs.toString();
    }

    /** The WARC and ARC files under warcs/, in name order (which is creation order for our own files). */
    public List<Path> files() throws IOException {
        try (Stream<Path> s = Files.walk(warcs)) {
            return s.filter(Files::isRegularFile).filter(WarcStore::isArchiveFile).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    public static boolean isArchiveFile(Path p) {
        String n = p.getFileName().toString().toLowerCase();
        return n.endsWith(".warc") || n.endsWith(".warc.gz") || n.endsWith(".warc.zst")
                || n.endsWith(".arc") || n.endsWith(".arc.gz");
    }

    /** A writer of new WARC files in this store. */
    public RotatingWarcWriter newWriter(long maxFileSize, Map<String, String> warcinfoFields) {
        return new RotatingWarcWriter(warcs, maxFileSize, warcinfoFields);
    }

    /** Opens the record at {@code offset} of {@code file}; close the result when done with its body. */
    public StoredRecord read(String file, long offset) throws IOException {
        return StoredRecord.open(resolve(file), offset);
    }
}
