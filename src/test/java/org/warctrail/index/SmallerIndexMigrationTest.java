package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;

/**
 * A store written before {@link Schema#SMALLER_INDEX_MIGRATION}: opening it keeps every capture (two sharing an
 * offset included), reads its links and version flags back as they were, with no URL key or time in versions.
 */
class SmallerIndexMigrationTest {
    @TempDir
    Path dir;

    @Test
    void linksVersionsAndCapturesReadTheSameAfterTheUpgrade() throws Exception {
        Path file = dir.resolve("index.sqlite");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            Schema.migrate(c, Schema.versionBefore(Schema.SMALLER_INDEX_MIGRATION));
            st.execute("INSERT INTO files (id, name, added) VALUES (1, 'old.warc.gz', '2024')");
            for (int i = 1; i <= 2; i++) {
                st.execute("INSERT INTO captures (id, file_id, surt, timestamp, url, status, record_type, offset, length, "
                        + "digest) VALUES (" + i + ", 1, 'example,news)/a', '2024010" + i + "000000', "
                        + "'https://news.example/a', 200, 'response', 100, 50, 'D" + i + "')");
                st.execute("INSERT INTO versions (capture_id, surt, timestamp, previous_timestamp, kind, changed, "
                        + "substantive, score, summary) VALUES (" + i + ", 'example,news)/a', '2024010" + i + "000000', "
                        + (i == 1 ? "NULL, 'first', 0, 0, 0, 'first capture'" : "'20240101000000', 'minor', 1, 0, 0.1, "
                        + "'1 word changed'") + ")");
            }
            st.execute("INSERT INTO documents (id, capture_id, url, surt, timestamp, title, text) VALUES "
                    + "(7, 2, 'https://news.example/a', 'example,news)/a', '20240102000000', 'A', 'Text of a.')");
            // written in another order than their positions, a context equal to the text stored as NULL
            st.execute("INSERT INTO links (document_id, position, url, text, context, kind, place) VALUES "
                    + "(7, 2, 'https://news.example/logo.png', '', NULL, 'requisite', 'head'), "
                    + "(7, 0, 'https://other.example/report', 'the report', 'officials cited the report', 'citation', "
                    + "'main'), (7, 1, 'https://news.example/world', 'World', NULL, 'navigation', 'navigation')");
        }
        try (CaptureIndex index = CaptureIndex.open(file)) {
            List<CaptureRow> rows = index.captures("https://news.example/a");
            assertEquals(List.of(1L, 2L), rows.stream().map(CaptureRow::id).toList(), "both rows at offset 100 kept");
            assertEquals(List.of(
                    new Link("https://other.example/report", "the report", "officials cited the report",
                            LinkKind.CITATION, LinkPlace.MAIN),
                    new Link("https://news.example/world", "World", "World", LinkKind.NAVIGATION, LinkPlace.NAVIGATION),
                    new Link("https://news.example/logo.png", "", "", LinkKind.REQUISITE, LinkPlace.HEAD)),
                    new StoredDocuments(index).of(rows.get(1)).orElseThrow().links());
            VersionFlagger none = (previous, previousDocument, current, currentDocument) -> {
                throw new AssertionError("every capture has its flags stored");
            };
            assertEquals(List.of(
                    new VersionFlags(1, "20240101000000", null, "first", false, false, 0, "first capture"),
                    new VersionFlags(2, "20240102000000", "20240101000000", "minor", true, false, 0.1,
                            "1 word changed")), new VersionFlagsTable(index, none).flags("https://news.example/a"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement st = c.createStatement()) {
            assertEquals(List.of("capture_id", "previous_timestamp", "kind", "changed", "substantive", "score", "summary"),
                    columns(st, "versions"));
            List<String> indexes = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name FROM sqlite_schema WHERE type = 'index' "
                    + "AND tbl_name IN ('captures', 'versions') ORDER BY name")) {
                while (rs.next()) indexes.add(rs.getString(1));
            }
            assertEquals(List.of("captures_record", "captures_surt", "captures_timestamp"), indexes,
                    "no index repeats a URL but the SURT lookup's");
            assertFalse(columns(st, "links").contains("url"));
            try (ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
                assertTrue(rs.next());
                assertEquals("ok", rs.getString(1));
            }
        }
    }

    private static List<String> columns(Statement st, String table) throws java.sql.SQLException {
        List<String> columns = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) columns.add(rs.getString("name"));
        }
        return columns;
    }
}
