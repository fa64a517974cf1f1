package org.warctrail.index;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.sqlite.SQLiteJDBCLoader;
import org.sqlite.util.LibraryLoaderUtil;

/**
 * SQLite's native library, unpacked from the jar once per version into the user's cache and loaded from there.
 * sqlite-jdbc otherwise writes it to a new temporary file and checksums it on every start (about a quarter of a
 * second of a one-shot command). When the cache cannot be written, or the library is configured already
 * ({@code org.sqlite.lib.path}), sqlite-jdbc's own way is used.
 */
final class SqliteNativeLibrary {
    private static volatile boolean prepared;

    private SqliteNativeLibrary() {
    }

    /** Points sqlite-jdbc at the cached copy; call before the first connection. Never fails. */
    static void prepare() {
        if (prepared) return;
        synchronized (SqliteNativeLibrary.class) {
            if (prepared) return;
            prepared = true;
            if (System.getProperty("org.sqlite.lib.path") != null) return;
            try {
                Path dir = cacheDir();
                if (dir == null) return;
                String name = LibraryLoaderUtil.getNativeLibName();
                Path lib = dir.resolve(name);
                if (!Files.isRegularFile(lib) && !unpack(name, dir, lib)) return;
                System.setProperty("org.sqlite.lib.path", dir.toString());
                System.setProperty("org.sqlite.lib.name", name);
            } catch (IOException | RuntimeException e) {
                System.clearProperty("org.sqlite.lib.path");
                System.clearProperty("org.sqlite.lib.name");
            }
        }
    }

    private static Path cacheDir() {
        String base = System.getenv("XDG_CACHE_HOME");
        if (base == null || base.isBlank()) {
            String home = System.getProperty("user.home");
            if (home == null || home.isBlank() || home.equals("?")) return null;
            base = Path.of(home, ".cache").toString();
        }
        String platform = LibraryLoaderUtil.getNativeLibResourcePath().replaceAll("^/org/sqlite/native/", "").replace('/', '-');
        return Path.of(base, "warctrail", "sqlite-" + SQLiteJDBCLoader.getVersion() + "-" + platform);
    }

    /** Writes the library beside its final name and moves it there, so a concurrent start never loads half a file. */
    private static boolean unpack(String name, Path dir, Path lib) throws IOException {
        try (InputStream in = SqliteNativeLibrary.class.getResourceAsStream(
                LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name)) {
            if (in == null) return false; // no bundled library for this platform: sqlite-jdbc decides
            Files.createDirectories(dir);
            Path part = Files.createTempFile(dir, name, ".part");
            try {
                Files.copy(in, part, StandardCopyOption.REPLACE_EXISTING);
                try {
                    Files.move(part, lib, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(part, lib, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(part);
            }
            return true;
        }
    }
}
