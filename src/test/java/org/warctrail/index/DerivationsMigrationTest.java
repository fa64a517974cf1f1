package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;

/** A store indexed before the derivation queue existed: opening it queues every capture, and derives them. */
class DerivationsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void existingCapturesArePendingAfterTheUpgradeThenDerived() throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(store.resolve("warcs"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("index.sqlite"))) {
            Schema.migrate(c, Schema.versionBefore(Derivations.MIGRATION));
            try (Statement st = c.createStatement()) {
                st.execute("INSERT INTO files (id, name, added) VALUES (1, '/nowhere/old.warc.gz', '2024')");
                for (int i = 1; i <= 3; i++) {
                    st.execute("INSERT INTO captures (id, file_id, surt, timestamp, url, status, record_type, offset, "
                            + "length) VALUES (" + i + ", 1, 'example,news)/" + i + "', '2024010100000" + i + "', "
                            + "'http://news.example/" + i + "', 200, 'response', " + i * 100 + ", 100)");
                    st.execute("INSERT INTO documents (capture_id, url, surt, timestamp, text) VALUES (" + i
                            + ", 'http://news.example/" + i + "', 'example,news)/" + i + "', '2024010100000" + i
                            + "', " + (i == 2 ? "NULL" : "'text of page " + i + "'") + ")");
                }
            }
        }
        AtomicInteger derived = new AtomicInteger();
        Deriver counting = new Deriver() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public Batch batch(CaptureIndex index) {
                return capture -> {
                    assertTrue(capture.document() == null || capture.document().text() != null);
                    derived.incrementAndGet();
                    return Write.NOTHING;
                };
            }
        };
        try (Archive archive = Archive.openForReading(store, m -> { }, DocumentExtractor.NONE, List.of(counting))) {
            assertEquals(new DerivationStatus(0, 3, 0, List.of()), archive.derivations().status());
            assertEquals(0, derived.get(), "opening for reading derives nothing");
            assertEquals(new Derivations.Outcome(3, 0), archive.derivations().run());
            assertEquals(new DerivationStatus(3, 0, 0, List.of()), archive.derivations().status());
        }
        assertEquals(3, derived.get());
    }
}
