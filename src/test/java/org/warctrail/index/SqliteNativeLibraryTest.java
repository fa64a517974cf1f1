package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteNativeLibraryTest {
    @TempDir
    Path dir;

    /** After an index opens, SQLite's library is loaded from the unpacked copy in the cache, not a new temp file. */
    @Test
    void theNativeLibraryIsUnpackedOnceIntoTheCache() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            assertTrue(index != null);
        }
        String path = System.getProperty("org.sqlite.lib.path");
        String name = System.getProperty("org.sqlite.lib.name");
        Path lib = Path.of(path, name);
        assertTrue(Files.isRegularFile(lib), lib.toString());
        assertTrue(path.contains("warctrail") && path.contains("sqlite-"), path);
        long size = Files.size(lib);
        assertEquals(size, SqliteNativeLibrary.class.getResourceAsStream(
                org.sqlite.util.LibraryLoaderUtil.getNativeLibResourcePath() + "/" + name).readAllBytes().length);
        try (var files = Files.list(lib.getParent())) {
            assertEquals(1, files.count(), "no part files left beside it");
        }
    }
}
