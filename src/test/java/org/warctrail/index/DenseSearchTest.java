package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.store.RotatingWarcWriter;

/** Search inside runs of Japanese and Korean text, on real pages of the extraction benchmark. */
class DenseSearchTest {
    private static final String JAPANESE = "https://www.lhpat-tm.com/blog/decision-info/index-2726.html";
    private static final String KOREAN = "http://entermedia.co.kr/news/news_view.html?idx=8723";
    private static final String ENGLISH = "http://news.example.com/iphone";

    @TempDir
    Path dir;

    private static String page(String key) throws IOException {
        try (InputStream in = new GZIPInputStream(DenseSearchTest.class.getResourceAsStream("/extraction/html/" + key + ".html.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Archive archive() throws IOException {
        Archive archive = Archives.open(dir, m -> { });
        try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            sink.write(TestWarcs.list(
                    TestWarcs.html(JAPANESE, "20240101000000", page("85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3")),
                    TestWarcs.html(KOREAN, "20240102000000", page("9da36ae4714bfccc72374c6c146e9d1cd3cca39e2110bd67ccdbcc806f4cf139")),
                    TestWarcs.html(ENGLISH, "20240103000000", "<html lang=en><title>Jailbroken iPhone sold</title><body><article>"
                            + "<p>A man was arrested for selling a modified iPhone, police said on Monday in Tokyo.</p></article>")));
        }
        return archive;
    }

    private static List<String> urls(Archive archive, String query) {
        return archive.search().search(query, SearchOptions.defaults()).results().stream().map(SearchHit::url).toList();
    }

    @Test
    void japaneseAndKoreanAreFoundInsideRunsOfText() throws IOException {
        try (Archive archive = archive()) {
            assertEquals(List.of(JAPANESE), urls(archive, "不正に改造"));
            assertEquals(List.of(JAPANESE), urls(archive, "改造"));
            assertEquals(List.of(JAPANESE), urls(archive, "\"不正に改造したiPhone\""));
            assertEquals(List.of(JAPANESE), urls(archive, "商標法違反 iPhone"));
            assertEquals(List.of(), urls(archive, "不正に改造 NOT iPhone"));
            assertEquals(List.of(KOREAN), urls(archive, "연기"));
            assertEquals(List.of(KOREAN), urls(archive, "남상미"));
            assertEquals(List.of(), urls(archive, "改造不正"));
            SearchHit hit = archive.search().search("不正に改造", SearchOptions.defaults()).results().get(0);
            assertTrue(hit.snippet().contains("<b>不正に改造</b>"), hit.snippet());
            // space-separated languages keep the word index and its bm25 ranking
            assertEquals(List.of(ENGLISH, JAPANESE), urls(archive, "iPhone"));
        }
    }

    @Test
    void storesIndexedBeforeTheDenseIndexAreFilledWhenOpened() throws IOException, SQLException {
        archive().close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.sqlite"));
             Statement st = c.createStatement()) {
            // as a store of the previous schema version: no dense postings, every document still to do
            st.executeUpdate("DELETE FROM documents_dense");
            st.executeUpdate("INSERT INTO dense_backfill (id, next_id, until_id) SELECT 1, 1, MAX(id) FROM documents");
        }
        try (Archive archive = Archives.open(dir, m -> { })) {
            assertEquals(List.of(JAPANESE), urls(archive, "改造"));
            assertEquals(List.of(KOREAN), urls(archive, "연기"));
        }
    }
}
