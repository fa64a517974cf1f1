package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The pieces of replay that need no server: URL parsing and the rewriters' edge cases. */
class RewritingTest {
    private final ArchiveUrls urls = new ArchiveUrls("20240101000000", "http://ex.example/dir/page.html");

    @Test
    void srcsetKeepsCommasInsideUrls() {
        assertEquals("data:image/png;base64,AAA,BBB 1x, /web/20240101000000mp_/http://ex.example/dir/b.png 2x",
                SrcsetRewriter.rewrite("data:image/png;base64,AAA,BBB 1x,b.png 2x", urls));
        assertEquals("/web/20240101000000mp_/http://ex.example/a.png",
                SrcsetRewriter.rewrite("  /a.png  ", urls));
    }

    @Test
    void cssForms() {
        assertEquals("a{b:url(\"/web/20240101000000mp_/http://ex.example/dir/x.png\")}",
                CssRewriter.rewrite("a{b:url(x.png)}", urls));
        assertEquals("a{b:url(\"data:image/png;base64,AA\")}", CssRewriter.rewrite("a{b:url('data:image/png;base64,AA')}", urls));
        assertEquals("\n@import \"/web/20240101000000mp_/https://cdn.example/y.css\";",
                CssRewriter.rewrite("@charset \"iso-8859-1\";\n@import 'https://cdn.example/y.css';", urls));
    }

    @Test
    void referencesThatStayAsTheyAre() {
        assertNull(urls.absolute("#x"));
        assertNull(urls.absolute("javascript:alert(1)"));
        assertNull(urls.absolute("mailto:a@b"));
        assertEquals("http://cdn.example/x.js", urls.absolute("//cdn.example/x.js"));
        assertEquals("http://ex.example/dir/a:b", urls.absolute("./a:b"));
    }

    @Test
    void archivePaths() {
        ArchivePath memento = ArchivePath.parse("2016mp_/http://ex.example/a", "q=1");
        assertEquals(ArchivePath.Kind.MEMENTO, memento.kind());
        assertEquals("2016", memento.timestamp());
        assertEquals(ReplayMode.REWRITTEN, memento.mode());
        assertEquals("http://ex.example/a?q=1", memento.url());
        assertEquals(ReplayMode.REWRITTEN, ArchivePath.parse("20160101im_/http://ex.example/a.png", null).mode());
        assertEquals(ReplayMode.ORIGINAL, ArchivePath.parse("20160101id_/ex.example/", null).mode());
        assertEquals("http://ex.example/", ArchivePath.parse("20160101id_/ex.example/", null).url());
        assertEquals("https://ex.example/", ArchivePath.parse("20160101/https:/ex.example/", null).url());
        assertEquals("https://ex.example/a b", ArchivePath.parse("20160101/https%3A%2F%2Fex.example%2Fa%20b", null).url());
        assertEquals(ArchivePath.Kind.TIMEGATE, ArchivePath.parse("http://ex.example/", null).kind());
        assertEquals(ArchivePath.Kind.TIMEMAP_LINK, ArchivePath.parse("timemap/link/http://ex.example/", null).kind());
        assertEquals(ArchivePath.Kind.TIMEMAP_JSON, ArchivePath.parse("timemap/json/ex.example", null).kind());
    }

    @Test
    void partialTimestampsPadToTheStartOfTheirPeriod() {
        assertEquals("20160101000000", CaptureTime.padDown("2016"));
        assertEquals("20160201000000", CaptureTime.padDown("201602"));
        assertEquals("20160229235959", CaptureTime.padDown("20160231999999"));
        assertEquals("Mon, 01 Jan 2024 12:00:00 GMT", CaptureTime.httpDate("20240101120000"));
        assertEquals("20240101120000", CaptureTime.fromHttpDate("Mon, 1 Jan 2024 12:00:00 GMT"));
    }

    @Test
    void speculationRulesAndConnectionHintsAreNotReplayed() throws Exception {
        String html = "<html><head><link rel=preconnect href=https://live.example>"
                + "<link rel=\"dns-prefetch preload\" as=style href=/a.css><link rel=prerender href=/next>"
                + "<script type=speculationrules>{\"prefetch\":[{\"source\":\"list\",\"urls\":[\"/x\"]}]}</script>"
                + "</head><body><script>var ok = 1;</script></body></html>";
        String out = HtmlRewriter.rewrite(new java.io.ByteArrayInputStream(html.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                "utf-8", "http://news.example/", "20240101000000");
        org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(out);
        assertEquals(HtmlRewriter.URLS_SCRIPT, doc.head().child(0).attr("src"));
        assertEquals(HtmlRewriter.GUARD_SCRIPT, doc.head().child(1).attr("src"));
        assertEquals(0, doc.select("script[type=speculationrules]").size(), out);
        assertEquals(0, doc.select("link[rel~=(?i)preconnect|dns-prefetch|prerender]").size(), out);
        assertEquals("preload", doc.selectFirst("link[href$=a.css]").attr("rel"), out);
        assertEquals("var ok = 1;", doc.body().selectFirst("script").data());
    }
}
