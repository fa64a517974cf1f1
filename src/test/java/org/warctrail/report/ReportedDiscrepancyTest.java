package org.warctrail.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The sentence a discrepancy is reported in: a correction since, a source that always said so, an undated one. */
class ReportedDiscrepancyTest {
    private static final ArchivedCopy SOURCE_V2 = new ArchivedCopy(3, "http://news.example/a.html", "20160922164000",
            "Story", "http://127.0.0.1:8080/web/20160922164000/http://news.example/a.html", 200, "response",
            "warctrail-1.warc.gz", 1024, 2048, "<urn:uuid:1>", "sha1:AAAA", "sha1:BBBB", null);

    private static ReportedDiscrepancy of(ArchivedCopy copy, boolean corrected) {
        return new ReportedDiscrepancy("http://blog.example/p.html", "http://news.example/a.html", List.of("reuse"),
                "number", "this page", "the source at news.example", "at least 40 tonnes", "about 37 tonnes", copy,
                corrected);
    }

    @Test
    void aFigureTheSourceCorrectedAfterTheCopyKeptIt() {
        assertEquals("This page says “at least 40 tonnes”; the source at news.example since says “about 37 tonnes”, "
                + "corrected on 2016-09-22 16:40:00 UTC.", of(SOURCE_V2, true).sentence());
    }

    @Test
    void aFigureTheSourceAlwaysGaveOtherwise() {
        assertEquals("This page says “at least 40 tonnes”; the source at news.example says “about 37 tonnes” "
                + "(captured 2016-09-22 16:40:00 UTC).", of(SOURCE_V2, false).sentence());
        assertEquals("This page says “at least 40 tonnes”; the source at news.example says “about 37 tonnes”.",
                of(null, false).sentence());
    }

    @Test
    void aCopyIsCitedByItsDayAndItsAnchor() {
        assertEquals("2016-09-22", SOURCE_V2.versionDate());
        assertEquals("copy-3", SOURCE_V2.anchor());
    }
}
