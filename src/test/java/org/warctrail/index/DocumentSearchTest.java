package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.store.RotatingWarcWriter;

class DocumentSearchTest {
    @TempDir
    Path dir;
    Archive archive;

    @BeforeEach
    void capture() throws IOException {
        archive = Archives.open(dir, m -> { }, TestWarcs.FAKE_EXTRACTOR);
        try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            sink.write(TestWarcs.list(
                    TestWarcs.html("http://news.example.com/strike", "20240101000000",
                            "<title>Strike kills 70</title><body>At least 70 people were killed, officials said."),
                    TestWarcs.html("http://news.example.com/strike", "20240102000000",
                            "<title>Strike kills 62</title><body>The toll was revised: 62 people were killed."),
                    TestWarcs.html("http://blog.example.org/post", "20240103000000",
                            "<title>My blog</title><body>Someone mentioned a strike <b>&</b> then talked about cats."),
                    TestWarcs.html("http://other.example.net/a", "20240104000000",
                            "<title>Cats</title><body>Nothing about it here at all, only cats and dogs."),
                    TestWarcs.html("http://broken.example.net/", "20240105000000",
                            "<title>Broken</title><body>EXPLODE strike"),
                    TestWarcs.response("http://news.example.com/img.png", "20240101000001", 200, "image/png",
                            "not a document", null)));
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        archive.close();
    }

    @Test
    void titleMatchesRankFirstAndEachUrlShowsItsNewestMatchingCapture() {
        SearchResult result = archive.search().search("strike", SearchOptions.defaults());
        assertEquals(2, result.total());
        assertEquals(List.of("http://news.example.com/strike", "http://blog.example.org/post"),
                result.results().stream().map(SearchHit::url).toList());
        SearchHit top = result.results().get(0);
        assertEquals("20240102000000", top.timestamp());
        assertEquals("Strike kills 62", top.title());
        assertTrue(top.score() > result.results().get(1).score());
        assertTrue(result.results().get(1).snippet().contains("<b>strike</b>"), result.results().get(1).snippet());
        assertTrue(result.results().get(1).snippet().contains("&lt;") || !result.results().get(1).snippet().contains("<b>&"),
                "page text is escaped");
    }

    @Test
    void phrasesOrNotPrefixAndFilters() {
        assertEquals(List.of("http://news.example.com/strike"), urls("\"people were killed\""));
        assertEquals(2, archive.search().search("70 OR dogs", SearchOptions.defaults()).total());
        assertEquals(List.of("http://blog.example.org/post"), urls("cats NOT dogs"));
        assertEquals(List.of("http://blog.example.org/post"), urls("cats -dogs"));
        assertEquals(1, archive.search().search("kill*", SearchOptions.defaults()).total());
        assertEquals(List.of("http://news.example.com/strike"), archive.search()
                .search("strike", new SearchOptions("example.com", null, null, 10, 0)).results().stream()
                .map(SearchHit::url).toList());
        SearchResult early = archive.search().search("strike", new SearchOptions(null, null, "2024-01-01", 10, 0));
        assertEquals("20240101000000", early.results().get(0).timestamp());
        assertEquals(0, archive.search().search("strike", new SearchOptions(null, "2025", null, 10, 0)).total());
        assertEquals(1, archive.search().search("strike", new SearchOptions(null, null, null, 1, 0)).results().size());
    }

    @Test
    @org.junit.jupiter.api.Timeout(10)
    void queriesOfThousandsOfWordsOrPrefixesAreRefusedWithAReason() {
        IllegalArgumentException prefixes = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> archive.search().search("a* ".repeat(1_500), SearchOptions.defaults()));
        assertTrue(prefixes.getMessage().contains("at most " + FtsQuery.MAX_PREFIXES), prefixes.getMessage());
        IllegalArgumentException words = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> archive.search().search("\"" + "strike ".repeat(FtsQuery.MAX_TERMS + 1) + "\"", SearchOptions.defaults()));
        assertTrue(words.getMessage().contains("at most " + FtsQuery.MAX_TERMS + " per query"), words.getMessage());
        assertEquals(1, archive.search().search("stri* kill* peo* wer*", SearchOptions.defaults()).total());
    }

    @Test
    void anyInputIsAValidQuery() {
        for (String q : List.of("\"unbalanced", "AND", "foo AND", "(*)", "NOT strike", "a:b", "x\"y", "***", "-", "^near")) {
            archive.search().search(q, SearchOptions.defaults()); // must not throw
        }
        assertEquals("", FtsQuery.of("*** ( )"));
        assertEquals("\"strike\" OR \"cats\"", FtsQuery.of("strike OR cats"));
        assertEquals("\"a\" AND \"b\"", FtsQuery.of("a\"b\""));
        assertEquals("\"kill\"*", FtsQuery.of("kill*"));
    }

    @Test
    void extractionErrorsAreStoredAndIndexingGoesOn() {
        StoreStats stats = archive.index().stats();
        assertEquals(6, stats.captures());
        assertEquals(5, stats.documents()); // the PNG is no document
        assertEquals(1, archive.index().urls(0, 10).stream().filter(u -> u.url().equals("http://broken.example.net/"))
                .count());
    }

    private List<String> urls(String query) {
        return archive.search().search(query, SearchOptions.defaults()).results().stream().map(SearchHit::url).toList();
    }
}
