package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;
import org.warctrail.store.RotatingWarcWriter;

/** Links and quotes are stored without what is never read: a document's links as one value, no normalized quote. */
class LinkStorageTest {
    @TempDir
    Path dir;

    private static final List<Link> LINKS = List.of(
            new Link("https://other.example/report", "the report", "officials cited the report on Monday",
                    LinkKind.CITATION, LinkPlace.MAIN),
            new Link("https://news.example/world", "World", "World", LinkKind.NAVIGATION, LinkPlace.NAVIGATION),
            new Link("https://news.example/logo.png", "", "", LinkKind.REQUISITE, LinkPlace.HEAD));

    @Test
    void linksReadBackAsWrittenFromOneValuePerDocument() throws IOException, SQLException {
        DocumentExtractor extractor = (url, type, payload) -> new Document(url, type, "Page", "Some text of the page.",
                null, null, List.of(), "en", null, null, null, LINKS, List.of(), null);
        try (Archive archive = Archives.open(dir, m -> { }, extractor)) {
            try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
                sink.write(TestWarcs.list(TestWarcs.html("https://news.example/a", "20240101000000", "<p>page</p>")));
            }
            CaptureRow row = archive.index().captures("https://news.example/a").get(0);
            assertEquals(LINKS, new StoredDocuments(archive.index()).of(row).orElseThrow().links());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.sqlite"));
             Statement st = c.createStatement()) {
            List<String> columns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA table_info(links)")) {
                while (rs.next()) columns.add(rs.getString("name"));
            }
            assertEquals(List.of("document_id", "links"), columns, "a document's links are one value");
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM links")) {
                assertEquals(1, rs.getInt(1));
            }
            List<String> quoteColumns = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("PRAGMA table_info(quotes)")) {
                while (rs.next()) quoteColumns.add(rs.getString("name"));
            }
            assertFalse(quoteColumns.contains("normalized"), quoteColumns.toString());
        }
    }
}
