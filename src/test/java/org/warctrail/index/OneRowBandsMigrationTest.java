package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;

/**
 * A store whose reuse was derived with the band keys of 64 two-row bands: its keys could never meet the new ones,
 * so opening it clears reuse storage and queues every capture to be derived again.
 */
class OneRowBandsMigrationTest {
    @TempDir
    Path dir;

    @Test
    void reuseStorageStartsOverAndEveryCaptureIsDerivedAgain() throws Exception {
        Path store = dir.resolve("store");
        Files.createDirectories(store.resolve("warcs"));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("index.sqlite"));
             Statement st = c.createStatement()) {
            Schema.migrate(c, Schema.versionBefore(Derivations.ONE_ROW_BANDS_MIGRATION));
            st.execute("INSERT INTO files (id, name, added) VALUES (1, '/nowhere/old.warc.gz', '2024')");
            for (int i = 1; i <= 2; i++) {
                st.execute("INSERT INTO captures (id, file_id, surt, timestamp, url, status, record_type, offset, "
                        + "length) VALUES (" + i + ", 1, 'example,news)/" + i + "', '2024010100000" + i + "', "
                        + "'http://news.example/" + i + "', 200, 'response', " + i * 100 + ", 100)");
                st.execute("INSERT INTO documents (id, capture_id, url, surt, timestamp, text) VALUES (" + i + ", " + i
                        + ", 'http://news.example/" + i + "', 'example,news)/" + i + "', '2024010100000" + i
                        + "', 'text of page " + i + "')");
            }
            st.execute("INSERT INTO reuse_bands (band_key, document_id) VALUES (11, 1), (12, 2)");
            st.execute("INSERT INTO reuse_bands_recent (band_key, document_id) VALUES (13, 2)");
            st.execute("INSERT INTO site_line_counts (line_key, pages) VALUES (5, 2)");
            st.execute("INSERT INTO reuse (id, source_id, target_id, words, source_share, target_share) "
                    + "VALUES (1, 1, 2, 4, 1.0, 1.0)");
            st.execute("INSERT INTO reuse_passages (reuse_id, source_start, source_end, target_start, target_end, "
                    + "words) VALUES (1, 0, 14, 0, 14, 4)");
        }
        try (Archive archive = Archive.openForReading(store, m -> { }, DocumentExtractor.NONE, List.of())) {
            assertEquals(new DerivationStatus(0, 2, 0, List.of()), archive.derivations().status());
            for (String table : List.of("reuse_bands", "reuse_bands_recent", "site_line_counts", "reuse",
                    "reuse_passages")) {
                assertEquals(List.of(0L), archive.index().query("SELECT COUNT(*) FROM " + table, List.of(),
                        rs -> rs.getLong(1)), table);
            }
        }
    }
}
