package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.store.RotatingWarcWriter;

/**
 * Search past the count cap: 1,200 URLs that all hold "harbour". The first 300 have an older capture that says it
 * five times (so the best-ranked matches are all older captures, which must give way to their URL's newest
 * matching capture), and the last 50 a newer capture without the word (the older one stays the URL's result).
 */
@Timeout(60)
class SearchPagingTest {
    private static final int URLS = DocumentSearch.COUNT_CAP + 200;
    @TempDir
    Path dir;
    Archive archive;
    /** Each URL's newest capture that holds "harbour". */
    final Map<String, String> newestMatching = new HashMap<>();

    @BeforeEach
    void capture() throws IOException {
        archive = Archive.open(dir, m -> { }, TestWarcs.FAKE_EXTRACTOR, List.of());
        List<WarcRecord> records = new ArrayList<>();
        for (int i = 0; i < URLS; i++) {
            String url = "http://site" + (i % 7) + ".example/page/" + i;
            if (i < 300) {
                records.add(TestWarcs.html(url, "20230101000000", "<title>Page " + i + "</title><body>"
                        + "harbour harbour harbour harbour harbour, an older version"));
            }
            records.add(TestWarcs.html(url, "20240101000000", "<title>Page " + i + "</title><body>"
                    + "the harbour master wrote this page, with words enough around it " + "filler ".repeat(i % 40)));
            newestMatching.put(url, "20240101000000");
            if (i >= URLS - 50) {
                records.add(TestWarcs.html(url, "20250101000000", "<title>Page " + i + "</title><body>moved away"));
            }
        }
        try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            sink.write(records);
        }
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void theCountStopsAtTheCapAndPagingGivesEachUrlOnceAtItsNewestMatchingCapture() {
        SearchResult first = archive.search().search("harbour", new SearchOptions(null, null, null, 20, 0));
        assertEquals(DocumentSearch.COUNT_CAP, first.total());
        assertTrue(first.totalIsLowerBound());
        assertEquals(20, first.results().size());

        List<String> seen = new ArrayList<>();
        double previous = Double.POSITIVE_INFINITY;
        for (int offset = 0; ; offset += 150) {
            SearchResult page = archive.search().search("harbour", new SearchOptions(null, null, null, 150, offset));
            if (page.results().isEmpty()) break;
            for (SearchHit hit : page.results()) {
                seen.add(hit.url());
                assertEquals(newestMatching.get(hit.url()), hit.timestamp(), hit.url());
                assertTrue(hit.score() <= previous, "best first across pages: " + hit.url());
                previous = hit.score();
            }
        }
        assertEquals(URLS, seen.size());
        assertEquals(URLS, seen.stream().distinct().count(), "each URL once");
        assertEquals(first.results().stream().map(SearchHit::url).toList(), seen.subList(0, 20));

        // deep pages: past the cap the total is what the pages up to there hold (more match), on the last it is exact
        SearchResult deep = archive.search().search("harbour", new SearchOptions(null, null, null, 150, 900));
        assertEquals(1050, deep.total());
        assertTrue(deep.totalIsLowerBound());
        SearchResult last = archive.search().search("harbour", new SearchOptions(null, null, null, 150, 1050));
        assertEquals(URLS, last.total());
        assertFalse(last.totalIsLowerBound());
        assertEquals(150, last.results().size());
    }

    @Test
    void belowTheCapTheCountIsExactAndFiltersChooseTheNewestCaptureWithinThem() {
        SearchResult older = archive.search().search("harbour", new SearchOptions(null, null, "2023", 500, 0));
        assertEquals(300, older.total());
        assertFalse(older.totalIsLowerBound());
        assertEquals(300, older.results().size());
        assertTrue(older.results().stream().allMatch(h -> h.timestamp().equals("20230101000000")));

        SearchResult moved = archive.search().search("moved", new SearchOptions(null, null, null, 20, 0));
        assertEquals(50, moved.total());
        assertFalse(moved.totalIsLowerBound());

        SearchResult site = archive.search().search("harbour", new SearchOptions("site3.example", null, null, 1000, 0));
        long site3 = newestMatching.keySet().stream().filter(u -> u.startsWith("http://site3.")).count();
        assertEquals(site3, site.total());
        assertEquals(site3, site.results().stream().map(SearchHit::url).distinct().count());
    }
}
