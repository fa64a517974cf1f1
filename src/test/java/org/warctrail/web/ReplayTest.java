package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ReplayTest extends ServerTestBase {
    private static final String A = ArchiveFixture.ARTICLE;
    private static final String T1 = ArchiveFixture.T1;

    @Test
    void idServesPayloadByteForByte() throws Exception {
        HttpResponse<byte[]> r = get("/web/20240101120002id_/http://news.example/img/photo.png");
        assertEquals(200, r.statusCode());
        assertEquals("image/png", header(r, "Content-Type"));
        assertArrayEquals(fixture.png, r.body());
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        assertTrue(header(r, "Content-Security-Policy").startsWith("sandbox"));
    }

    @Test
    void idKeepsGzipContentEncoding() throws Exception {
        HttpResponse<byte[]> r = get("/web/20240101120003id_/http://news.example/gz");
        assertEquals(200, r.statusCode());
        assertEquals("gzip", header(r, "Content-Encoding"));
        assertArrayEquals(fixture.gzipped, r.body());
        String html = new String(new GZIPInputStream(new ByteArrayInputStream(r.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ArchiveFixture.GZ_HTML, html);
    }

    @Test
    void idRemovesChunkedTransferEncoding() throws Exception {
        HttpResponse<byte[]> r = get("/web/20240101120004id_/http://news.example/chunked");
        assertEquals(200, r.statusCode());
        assertEquals(ArchiveFixture.CHUNKED_HTML, text(r));
    }

    @Test
    void rewrittenPageKeepsEveryUrlInTheArchive() throws Exception {
        HttpResponse<byte[]> r = get("/web/" + T1 + "mp_/" + A);
        assertEquals(200, r.statusCode());
        assertEquals(ReplayHandler.FRAME_CONTENT_CSP, header(r, "Content-Security-Policy"));
        assertEquals("text/html;charset=utf-8", header(r, "Content-Type").replace(" ", ""));
        Document doc = Jsoup.parse(text(r));
        String p = "/web/" + T1 + "mp_/";
        assertEquals(p + "http://news.example/style.css", doc.selectFirst("link[rel=stylesheet]").attr("href"));
        assertFalse(doc.selectFirst("link[rel=stylesheet]").hasAttr("integrity"));
        // the replay's URL mapping and guard run first, then the page's own scripts
        assertEquals(HtmlRewriter.URLS_SCRIPT, doc.head().child(0).attr("src"));
        assertEquals(HtmlRewriter.GUARD_SCRIPT, doc.head().child(1).attr("src"));
        assertEquals(p + "http://cdn.example/lib.js", doc.select("script").get(2).attr("src"));
        assertEquals(p + "http://news.example/other.html", doc.select("a").get(0).attr("href"));
        Element source = doc.select("a").get(1);
        assertEquals(p + "https://cite.example/source", source.attr("href"));
        assertEquals("_self", source.attr("target"));
        assertEquals("#top", doc.select("a").get(2).attr("href"));
        assertEquals("mailto:desk@news.example", doc.select("a").get(3).attr("href"));
        Element img = doc.selectFirst("img[alt=photo]");
        assertEquals(p + "http://news.example/img/photo.png", img.attr("src"));
        assertEquals(p + "http://news.example/img/photo.png 1x, " + p + "http://news.example/img/photo@2x.png 2x",
                img.attr("srcset"));
        assertEquals(p + "https://cdn.example/lazy.jpg", doc.selectFirst("img[data-src]").attr("data-src"));
        assertTrue(doc.selectFirst("img[data-src]").attr("src").startsWith("data:image/gif"));
        assertEquals(p + "https://cdn.example/a.webp 480w, " + p + "https://cdn.example/b.webp 800w",
                doc.selectFirst("source[srcset]").attr("srcset"));
        assertEquals(p + "https://video.example/embed/1", doc.selectFirst("iframe").attr("src"));
        assertEquals(p + "http://news.example/search", doc.selectFirst("form").attr("action"));
        assertEquals(p + "http://news.example/img/poster.jpg", doc.selectFirst("video").attr("poster"));
        assertEquals(p + "https://news.example/img/og.png", doc.selectFirst("meta[property=og:image]").attr("content"));
        String style = doc.selectFirst("style").data();
        assertTrue(style.contains("@import \"" + p + "http://news.example/print.css\""), style);
        assertTrue(style.contains("url(\"" + p + "http://news.example/img/hero.png\")"), style);
        assertTrue(doc.body().attr("style").contains("url(\"" + p + "http://news.example/img/bg.png\")"));
        assertTrue(doc.select("meta[http-equiv=Content-Security-Policy]").isEmpty());
        assertEquals("UTF-8", doc.selectFirst("meta[charset]").attr("charset").toUpperCase(Locale.ROOT));
        assertNoLiveUrls(doc);
    }

    /** No attribute may still point outside the archive (absolute or protocol-relative http URLs). */
    private static void assertNoLiveUrls(Document doc) {
        for (Element el : doc.getAllElements()) {
            for (Attribute a : el.attributes()) {
                String v = a.getValue().toLowerCase(Locale.ROOT);
                for (String token : v.split("[\\s,()'\"]+")) {
                    boolean live = token.startsWith("http://") || token.startsWith("https://") || token.startsWith("//");
                    assertFalse(live, "live URL left in <" + el.tagName() + " " + a.getKey() + "=\"" + a.getValue() + "\">");
                }
            }
        }
    }

    @Test
    void rewrittenStylesheetPointsIntoTheArchive() throws Exception {
        HttpResponse<byte[]> r = get("/web/20240101120001mp_/http://news.example/style.css");
        assertEquals(200, r.statusCode());
        assertEquals("text/css;charset=utf-8", header(r, "Content-Type").replace(" ", ""));
        String css = text(r);
        String p = "/web/20240101120001mp_/";
        assertTrue(css.contains("@import url(\"" + p + "http://news.example/fonts.css\")"), css);
        assertTrue(css.contains("@import \"" + p + "http://news.example/more.css\""), css);
        assertTrue(css.contains("url(\"" + p + "http://news.example/img/bg.png\")"), css);
        assertTrue(css.contains("url(\"" + p + "https://cdn.example/logo.svg\")"), css);
    }

    @Test
    void baseHrefChangesResolutionAndIsRewritten() throws Exception {
        Document doc = Jsoup.parse(text(get("/web/20240101120008mp_/http://news.example/based")));
        String p = "/web/20240101120008mp_/";
        assertEquals(p + "http://static.example/assets/", doc.selectFirst("base").attr("href"));
        assertEquals(p + "http://static.example/assets/a.png", doc.selectFirst("img").attr("src"));
        assertEquals(p + "http://static.example/root", doc.selectFirst("a").attr("href"));
    }

    @Test
    void gzipPageIsDecodedForRewriting() throws Exception {
        HttpResponse<byte[]> r = get("/web/20240101120003mp_/http://news.example/gz");
        assertNull(header(r, "Content-Encoding"));
        Document doc = Jsoup.parse(text(r));
        assertEquals("/web/20240101120003mp_/http://news.example/article", doc.selectFirst("a").attr("href"));
        assertTrue(doc.text().contains("gzip body"));
    }

    @Test
    void latin1PageIsDecodedWithItsCharsetAndSentAsUtf8() throws Exception {
        HttpResponse<byte[]> r = get("/web/20240101120006mp_/http://news.example/latin1");
        assertEquals("text/html;charset=utf-8", header(r, "Content-Type").replace(" ", ""));
        Document doc = Jsoup.parse(text(r));
        assertEquals("Caf\u00e9", doc.title());
        assertTrue(doc.text().contains("Caf\u00e9 cr\u00e8me \u00e0 l'\u00e9glise"));
        HttpResponse<byte[]> raw = get("/web/20240101120006id_/http://news.example/latin1");
        assertEquals("text/html;charset=iso-8859-1", header(raw, "Content-Type").replace(" ", "").toLowerCase(Locale.ROOT));
        assertArrayEquals(ArchiveFixture.LATIN1_HTML.getBytes(StandardCharsets.ISO_8859_1), raw.body());
    }

    @Test
    void revisitReplaysTheOriginalPayloadWithItsOwnHeaders() throws Exception {
        HttpResponse<byte[]> r = get("/web/" + ArchiveFixture.T2 + "id_/" + A);
        assertEquals(200, r.statusCode());
        assertEquals(ArchiveFixture.ARTICLE_V1, text(r));
        assertEquals("Fri, 01 Mar 2024 11:00:00 GMT", header(r, "Last-Modified"));
        assertNull(header(r, "Set-Cookie"));
        assertEquals("Fri, 01 Mar 2024 12:00:00 GMT", header(r, "Memento-Datetime"));
        HttpResponse<byte[]> mp = get("/web/" + ArchiveFixture.T2 + "mp_/" + A);
        assertTrue(text(mp).contains("At least 70 killed"));
    }

    @Test
    void redirectCaptureReplaysAsRedirectToItsArchivedTarget() throws Exception {
        HttpResponse<byte[]> frame = get("/web/20240101120005/http://news.example/old");
        assertEquals(302, frame.statusCode());
        assertEquals("/web/20240101120005/http://news.example/article", header(frame, "Location"));
        HttpResponse<byte[]> mp = get("/web/20240101120005mp_/http://news.example/old");
        assertEquals(302, mp.statusCode());
        assertEquals("/web/20240101120005mp_/http://news.example/article", header(mp, "Location"));
        HttpResponse<byte[]> id = get("/web/20240101120005id_/http://news.example/old");
        assertEquals(301, id.statusCode());
        assertEquals("/web/20240101120005id_/http://news.example/article", header(id, "Location"));
        // ... and following the hop lands on the nearest capture of the target.
        HttpResponse<byte[]> hop = get(header(frame, "Location"));
        assertEquals(302, hop.statusCode());
        assertEquals("/web/" + T1 + "/" + A, header(hop, "Location"));
    }

    @Test
    void inexactTimestampRedirectsToTheNearestCapture() throws Exception {
        HttpResponse<byte[]> r = get("/web/20240520000000mp_/" + A);
        assertEquals(302, r.statusCode());
        assertEquals("/web/" + ArchiveFixture.T3 + "mp_/" + A, header(r, "Location"));
        HttpResponse<byte[]> partial = get("/web/2024/" + A);
        assertEquals("/web/" + T1 + "/" + A, header(partial, "Location"));
        HttpResponse<byte[]> month = get("/web/202403/" + A);
        assertEquals("/web/" + ArchiveFixture.T2 + "/" + A, header(month, "Location"));
        HttpResponse<byte[]> future = get("/web/2030/" + A);
        assertEquals("/web/" + ArchiveFixture.T3 + "/" + A, header(future, "Location"));
        HttpResponse<byte[]> noScheme = get("/web/" + T1 + "id_/news.example/article");
        assertEquals(200, noScheme.statusCode());
    }

    @Test
    void unknownUrlGetsANotArchivedPage() throws Exception {
        HttpResponse<byte[]> r = get("/web/2024/http://nowhere.example/page");
        assertEquals(404, r.statusCode());
        assertTrue(text(r).contains("http://nowhere.example/page is not in the archive"), text(r));
        assertEquals(404, get("/web/http://nowhere.example/page").statusCode());
        assertEquals(404, get("/timeline?url=http://nowhere.example/page").statusCode());
        HttpResponse<byte[]> route = get("/no-such-page");
        assertEquals(404, route.statusCode());
        assertTrue(text(route).contains("Nothing here"));
    }

    @Test
    void framedPageHasBannerAndSandboxOnTheReplayOrigin() throws Exception {
        HttpResponse<byte[]> r = get("/web/" + ArchiveFixture.T2 + "/" + A);
        assertEquals(200, r.statusCode());
        assertNotNull(header(r, "Content-Security-Policy"));
        assertTrue(header(r, "Content-Security-Policy").contains("frame-ancestors 'none'"));
        assertEquals("Fri, 01 Mar 2024 12:00:00 GMT", header(r, "Memento-Datetime"));
        Document doc = Jsoup.parse(text(r));
        Element frame = doc.selectFirst("iframe");
        // The page runs on the replay origin, apart from the UI: same-origin there is its own origin, not the UI's.
        assertEquals("http://127.0.0.1:" + server.replayPort() + "/web/" + ArchiveFixture.T2 + "mp_/" + A, frame.attr("src"));
        assertTrue(server.replayPort() > 0 && server.replayPort() != server.port());
        List<String> sandbox = List.of(frame.attr("sandbox").split("\\s+"));
        assertTrue(sandbox.contains("allow-scripts"));
        assertTrue(sandbox.contains("allow-same-origin"));
        assertFalse(sandbox.stream().anyMatch(s -> s.startsWith("allow-top-navigation")));
        Element banner = doc.selectFirst("#banner");
        assertTrue(banner.text().contains("2024-03-01 12:00:00 UTC"));
        assertTrue(banner.text().contains(A));
        assertEquals("/web/" + T1 + "/" + A, banner.selectFirst("a[rel=prev]").attr("href"));
        assertEquals("/web/" + ArchiveFixture.T3 + "/" + A, banner.selectFirst("a[rel=next]").attr("href"));
        assertEquals(3, banner.select(".pick li").size());
        assertNotNull(banner.selectFirst("a[href=/web/" + ArchiveFixture.T2 + "id_/" + A + "]"));
        assertNotNull(banner.selectFirst("a[href^=/record?url=]"));
        assertNotNull(banner.selectFirst("a[href^=/provenance?url=]"));
        assertEquals("Diff with previous", banner.selectFirst("a[href^=/diff?url=]").text());
        assertTrue(banner.text().contains("revisit"));
        assertTrue(banner.text().contains("3 versions"), banner.text());
    }

    @Test
    void theFirstVersionDiffsWithTheNextAndTheOnlyOneWithNothing() throws Exception {
        Element first = Jsoup.parse(text(get("/web/" + T1 + "/" + A))).selectFirst("#banner");
        Element diff = first.selectFirst("a[href^=/diff?url=]");
        assertEquals("Diff with next", diff.text());
        assertTrue(diff.attr("href").endsWith("&from=" + T1 + "&to=" + ArchiveFixture.T2), diff.attr("href"));
        Element only = Jsoup.parse(text(get("/web/20230101000000/http://news.example/dir/a"))).selectFirst("#banner");
        assertNull(only.selectFirst("a[href^=/diff?url=]"), only.html());
        assertTrue(only.text().contains("1 version") && !only.text().contains("1 versions"), only.text());
    }

    @Test
    void archivedHeadersAreNeverPassedBlindly() throws Exception {
        for (String mode : List.of("id_", "mp_")) {
            HttpResponse<byte[]> r = get("/web/20240101120007" + mode + "/http://news.example/evil");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().allValues("Set-Cookie").isEmpty(), r.headers().map().toString());
            assertTrue(r.headers().allValues("Access-Control-Allow-Origin").isEmpty());
            assertTrue(r.headers().allValues("Refresh").isEmpty());
            assertTrue(header(r, "Content-Security-Policy").startsWith("sandbox"));
            assertEquals(1, r.headers().allValues("Content-Security-Policy").size());
            String lastModified = header(r, "Last-Modified");
            assertNotNull(lastModified);
            assertFalse(lastModified.contains("\r") || lastModified.contains("\n"));
            assertTrue(header(r, "Content-Type").startsWith("text/html"));
            assertFalse(header(r, "Content-Type").contains("Set-Cookie"));
        }
    }

    @Test
    void headRequestsGetHeadersOnly() throws Exception {
        var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create(base() + "/web/20240101120002id_/http://news.example/img/photo.png"))
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode());
        assertEquals("image/png", header(r, "Content-Type"));
        assertEquals(0, r.body().length);
    }

}
