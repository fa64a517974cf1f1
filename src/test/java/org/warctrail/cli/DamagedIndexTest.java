package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reindex} rebuilds from the WARC files whatever state index.sqlite is in, moving the damaged file aside;
 * the other commands say the index is damaged and to run reindex.
 */
@Timeout(180)
class DamagedIndexTest {
    enum Damage { RANDOM, TRUNCATED, ZEROED_FIRST_PAGE, DIRECTORY }

    static void damage(Path db, Damage how) throws IOException {
        for (String side : List.of("-wal", "-shm")) Files.deleteIfExists(db.resolveSibling(db.getFileName() + side));
        switch (how) {
            case RANDOM -> {
                byte[] noise = new byte[64 * 1024];
                new Random(7).nextBytes(noise);
                Files.write(db, noise);
            }
            case TRUNCATED -> {
                try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
                    f.setLength(5000);
                }
            }
            case ZEROED_FIRST_PAGE -> {
                try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
                    f.write(new byte[4096]);
                }
            }
            case DIRECTORY -> {
                Files.delete(db);
                Files.createDirectories(db.resolve("inside"));
            }
        }
    }

    @Test
    void reindexRebuildsWhateverStateTheIndexIsIn(@TempDir Path dir) throws IOException {
        Path store = dir.resolve("store");
        CommandRun imported = CommandRun.of("import", "--store", store.toString(),
                "src/test/resources/real-warcs/warcio/example.warc.gz", "src/test/resources/real-warcs/warcio/example.arc");
        assertEquals(0, imported.exit(), imported.err());
        String cdx = CommandRun.of("cdx", "--store", store.toString()).out();
        assertEquals(3, cdx.lines().count(), cdx);
        for (Damage how : Damage.values()) {
            Path db = store.resolve("index.sqlite");
            damage(db, how);
            CommandRun refused = CommandRun.of("cdx", "--store", store.toString());
            assertEquals(1, refused.exit(), how + ": " + refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().startsWith("warctrail: index.sqlite is damaged ("), refused.err());
            assertTrue(refused.err().contains("run `warctrail reindex`"), refused.err());

            CommandRun reindex = CommandRun.of("reindex", "--store", store.toString());
            assertEquals(0, reindex.exit(), how + ": " + reindex.err());
            assertTrue(reindex.err().contains("index.sqlite is damaged") && reindex.err().contains("moved aside as "),
                    reindex.err());
            assertEquals(cdx, CommandRun.of("cdx", "--store", store.toString()).out(), how.toString());
        }
        try (Stream<Path> s = Files.list(store)) {
            assertEquals(Damage.values().length,
                    s.filter(p -> p.getFileName().toString().startsWith("index.sqlite.damaged-")).count());
        }
    }

    /** An index a newer warctrail wrote is not damaged: the command says to upgrade, and does not suggest reindex. */
    @Test
    void anIndexWrittenByANewerWarctrailAsksForAnUpgrade(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("store");
        CommandRun imported = CommandRun.of("import", "--store", store.toString(),
                "src/test/resources/real-warcs/warcio/example.warc.gz");
        assertEquals(0, imported.exit(), imported.err());
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + store.resolve("index.sqlite"));
             var st = c.createStatement()) {
            st.execute("PRAGMA user_version = 9999");
        }
        CommandRun refused = CommandRun.of("cdx", "--store", store.toString());
        assertEquals(1, refused.exit(), refused.err());
        assertTrue(refused.err().contains("schema version 9999 is newer than this warctrail's")
                && refused.err().contains("upgrade warctrail"), refused.err());
        assertTrue(!refused.err().contains("reindex") && !refused.err().contains("damaged"), refused.err());
    }
}
