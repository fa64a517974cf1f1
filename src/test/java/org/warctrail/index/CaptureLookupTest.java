package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.store.RotatingWarcWriter;

class CaptureLookupTest {
    @TempDir
    Path dir;
    Archive archive;
    CaptureIndex index;

    @BeforeEach
    void capture() throws IOException {
        archive = Archives.open(dir, m -> { }, DocumentExtractor.NONE);
        index = archive.index();
        try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            WarcResponse a1 = TestWarcs.html("http://example.com/a", "20200101000000", "same");
            sink.write(TestWarcs.list(a1));
            sink.write(TestWarcs.list(TestWarcs.revisit("http://example.com/a", "20200101000010", a1)));
            sink.write(TestWarcs.list(TestWarcs.html("https://www.example.com/a", "20200101000020", "changed")));
            sink.write(TestWarcs.list(TestWarcs.response("http://example.com/old", "20190101000000", 301,
                    "text/html", "moved", "/a")));
            sink.write(TestWarcs.list(TestWarcs.html("http://example.com/a/b", "20210101000000", "deep")));
            sink.write(TestWarcs.list(TestWarcs.html("http://sub.example.com/", "20220101000000", "sub")));
            sink.write(TestWarcs.list(TestWarcs.html("http://example.org/", "20230101000000", "other")));
        }
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void capturesMeetAcrossSchemeAndWww() {
        List<CaptureRow> rows = index.captures("https://example.com/a");
        assertEquals(List.of("20200101000000", "20200101000010", "20200101000020"),
                rows.stream().map(CaptureRow::timestamp).toList());
        assertEquals("com,example)/a", rows.get(0).surt());
        assertEquals("http://example.com/old", index.captures("http://example.com/old").get(0).url());
        assertEquals("http://example.com/a", index.captures("http://example.com/old").get(0).redirect());
        assertEquals(301, index.captures("http://example.com/old").get(0).status());
    }

    @Test
    void closestPrefersTheNearerAndTiesGoEarlier() {
        assertEquals("20200101000010", index.closest("http://example.com/a", "20200101000012").orElseThrow().timestamp());
        assertEquals("20200101000010", index.closest("http://example.com/a", "20200101000015").orElseThrow().timestamp());
        assertEquals("20200101000020", index.closest("http://example.com/a", "20200101000016").orElseThrow().timestamp());
        assertEquals("20200101000000", index.closest("http://example.com/a", "1999").orElseThrow().timestamp());
        assertEquals("20200101000020", index.closest("http://example.com/a", "2030").orElseThrow().timestamp());
        assertTrue(index.closest("http://example.com/none", "2020").isEmpty());
    }

    @Test
    void aRevisitResolvesToItsResponse() {
        List<CaptureRow> rows = index.captures("http://example.com/a");
        CaptureRow revisit = rows.get(1);
        assertEquals(RecordType.REVISIT, revisit.recordType());
        assertEquals("20200101000000", revisit.refersToTimestamp());
        assertEquals(rows.get(0), index.resolveRevisit(revisit).orElseThrow());
        assertEquals(rows.get(2), index.resolveRevisit(rows.get(2)).orElseThrow());
        CaptureRow orphan = new CaptureRow(0, revisit.surt(), "20200101000011", revisit.url(), 200, "text/html",
                revisit.digest(), RecordType.REVISIT, 0, 0, revisit.file(), null, null, null, null);
        assertEquals(rows.get(0), index.resolveRevisit(orphan).orElseThrow(), "by digest when refers-to is absent");
    }

    @Test
    void urlsAreListedNewestFirstInPages() {
        assertEquals(5, index.urlCount());
        // the 301 of /old is no document: the pages are the others
        assertEquals(4, index.urlCount(true));
        assertEquals(List.of("http://example.org/", "http://sub.example.com/", "http://example.com/a/b",
                "https://www.example.com/a"), index.urls(0, 10, true).stream().map(UrlSummary::url).toList());
        List<UrlSummary> first = index.urls(0, 2);
        List<UrlSummary> second = index.urls(2, 2);
        assertEquals(List.of("http://example.org/", "http://sub.example.com/"), first.stream().map(UrlSummary::url).toList());
        assertEquals(List.of("http://example.com/a/b", "https://www.example.com/a"),
                second.stream().map(UrlSummary::url).toList());
        UrlSummary a = second.get(1);
        assertEquals(3, a.captures());
        assertEquals("20200101000000", a.firstTimestamp());
        assertEquals("20200101000020", a.lastTimestamp());
        assertEquals(1, index.urls(4, 10).size());
        StoreStats stats = index.stats();
        assertEquals(7, stats.captures());
        assertEquals(5, stats.urls());
    }

    @Test
    void cdxMatchTypesBoundsLimitAndReverse() {
        assertEquals(List.of("com,example)/a", "com,example)/a", "com,example)/a"), surts(CdxQuery.exact("example.com/a")));
        assertEquals(List.of("com,example)/a", "com,example)/a", "com,example)/a", "com,example)/a/b"),
                surts(new CdxQuery("http://example.com/a", MatchType.PREFIX, null, null, 0, false)));
        assertEquals(5, surts(new CdxQuery("http://example.com/", MatchType.HOST, null, null, 0, false)).size());
        assertEquals(6, surts(new CdxQuery("example.com", MatchType.DOMAIN, null, null, 0, false)).size());
        assertEquals(List.of("com,example,sub)/"),
                surts(new CdxQuery("http://sub.example.com/x", MatchType.HOST, null, null, 0, false)));
        assertEquals(7, surts(CdxQuery.all()).size());
        assertEquals(List.of("20200101000010", "20200101000020"),
                timestamps(new CdxQuery("http://example.com/a", MatchType.EXACT, "20200101000005", "2020", 0, false)));
        assertEquals(List.of("20200101000000"),
                timestamps(new CdxQuery("http://example.com/a", MatchType.EXACT, null, null, 1, false)));
        assertEquals(List.of("20230101000000", "20220101000000"),
                timestamps(new CdxQuery(null, MatchType.PREFIX, null, null, 2, true)));
    }

    private List<String> surts(CdxQuery q) {
        List<String> out = new ArrayList<>();
        index.cdx(q, r -> out.add(r.surt()));
        return out;
    }

    private List<String> timestamps(CdxQuery q) {
        List<String> out = new ArrayList<>();
        index.cdx(q, r -> out.add(r.timestamp()));
        return out;
    }

    @Test
    void aSecondProcessCanReadAndWriteTheSameIndex() throws IOException {
        try (CaptureIndex other = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            assertEquals(7, other.stats().captures());
            other.registerFile("elsewhere.warc", 0, 0, null, null);
            assertTrue(index.file("elsewhere.warc").isPresent());
        }
    }
}
