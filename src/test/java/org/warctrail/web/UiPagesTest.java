package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class UiPagesTest extends ServerTestBase {

    @Test
    void homeListsUrlsNewestFirstWithCountsAndStats() throws Exception {
        HttpResponse<byte[]> r = get("/");
        assertEquals(200, r.statusCode());
        assertEquals(Pages.uiCsp("http://127.0.0.1:" + server.replayPort()), header(r, "Content-Security-Policy"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        Document doc = Jsoup.parse(text(r));
        List<Element> rows = doc.select("table.urls tbody tr");
        // pages people archive by default; the requisites (stylesheet, images) and failures behind ?all=1
        assertEquals(fixture.index.urlCount(true), rows.size());
        assertTrue(rows.size() < fixture.index.urlCount(), rows.size() + " of " + fixture.index.urlCount());
        assertTrue(rows.stream().noneMatch(row -> row.text().contains("style.css") || row.text().contains(".png")),
                doc.select("table.urls").text());
        assertTrue(rows.stream().allMatch(row -> row.select("td.date").size() == 2));
        Document all = Jsoup.parse(text(get("/?all=1")));
        assertEquals(fixture.index.urlCount(), all.select("table.urls tbody tr").size());
        assertTrue(all.select("table.urls").text().contains("style.css"));
        List<Element> allRows = all.select("table.urls tbody tr");
        assertTrue(allRows.get(allRows.size() - 1).text().contains("http://sub.news.example/x"));
        Element newest = rows.get(0);
        assertTrue(newest.text().contains(ArchiveFixture.ARTICLE), newest.text());
        assertEquals("3", newest.select("td").get(1).text());
        assertEquals(ArchiveUrls.timeline(ArchiveFixture.ARTICLE), newest.select("td").get(1).selectFirst("a").attr("href"));
        assertTrue(doc.selectFirst(".stats").text().contains(fixture.index.stats().captures() + " captures"));
        assertTrue(doc.selectFirst(".pager").text().contains("Page 1 of 1"));
        assertEquals(200, get("/?page=99").statusCode());
        assertEquals(200, get("/?page=abc").statusCode());
    }

    @Test
    void timelineListsCapturesWithRevisitMarker() throws Exception {
        HttpResponse<byte[]> r = get("/timeline?url=" + ArchiveUrls.encode(ArchiveFixture.ARTICLE));
        assertEquals(200, r.statusCode());
        Document doc = Jsoup.parse(text(r));
        List<Element> rows = doc.select("table.captures tbody tr");
        assertEquals(3, rows.size());
        assertEquals("/web/" + ArchiveFixture.T1 + "/" + ArchiveFixture.ARTICLE, rows.get(0).selectFirst("a").attr("href"));
        assertTrue(rows.get(1).text().contains("revisit"));
        assertFalse(rows.get(0).text().contains("revisit"));
        assertTrue(rows.get(0).text().contains("text/html"));
        Document redirect = Jsoup.parse(text(get("/timeline?url=http://news.example/old")));
        assertTrue(redirect.text().contains("redirect"));
        assertTrue(redirect.text().contains("301"));
    }

    @Test
    void recordShowsWarcAndHttpHeadersAsText() throws Exception {
        HttpResponse<byte[]> r = get("/record?url=" + ArchiveUrls.encode(ArchiveFixture.ARTICLE)
                + "&timestamp=" + ArchiveFixture.T2);
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("text/plain"));
        String body = text(r);
        assertTrue(body.contains("WARC-Type: revisit"), body);
        assertTrue(body.contains("WARC-Refers-To-Target-URI: " + ArchiveFixture.ARTICLE), body);
        assertTrue(body.contains("HTTP/1.1 200 OK"), body);
        assertTrue(body.contains("# payload from " + ArchiveFixture.ARTICLE + " at " + ArchiveFixture.T1), body);
        assertEquals(404, get("/record?url=" + ArchiveUrls.encode(ArchiveFixture.ARTICLE) + "&timestamp=20000101000000").statusCode());
        assertEquals(400, get("/record?file=../../etc/passwd&offset=0").statusCode());
    }

    @Test
    void staticFilesWithTypesAndNosniff() throws Exception {
        HttpResponse<byte[]> r = get("/static/warctrail.css");
        assertEquals(200, r.statusCode());
        assertTrue(header(r, "Content-Type").startsWith("text/css"), header(r, "Content-Type"));
        assertEquals("nosniff", header(r, "X-Content-Type-Options"));
        for (String traversal : List.of("/static/../web/templates/layout.jte", "/static/%2e%2e/%2e%2e/pom.xml",
                "/static/..%2f..%2fpom.xml", "/static/%2e%2e%2fwarctrail.css/../../../pom.xml")) {
            String response = raw(traversal, "127.0.0.1");
            assertFalse(response.startsWith("HTTP/1.1 200"), traversal + " -> " + response);
            assertFalse(response.contains("<project") || response.contains("@param"), traversal);
        }
    }

    /** A request as sent on the wire (no client-side path normalization, any Host header). */
    private static String raw(String target, String host) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(("GET " + target + " HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void foreignHostIsRefusedOnLoopback() throws Exception {
        assertTrue(raw("/", "attacker.example").startsWith("HTTP/1.1 403"));
        assertTrue(raw("/", "localhost:" + server.port()).startsWith("HTTP/1.1 200"));
        assertTrue(raw("/", "[::1]:" + server.port()).startsWith("HTTP/1.1 200"));
    }

    @Test
    void writesNeedTheTokenWhenBoundBeyondLoopback() throws Exception {
        try (ReplayServer open = new ReplayServer(fixture.store, fixture.index,
                new ServeOptions("0.0.0.0", 0, false, "s3cret"))
                .routes(r -> r.post("/api/echo", ctx -> ctx.result("done"))).start()) {
            String url = "http://127.0.0.1:" + open.port() + "/api/echo";
            assertEquals(401, post(url).statusCode());
            assertEquals(401, post(url, "X-Warctrail-Token", "wrong").statusCode());
            assertEquals(200, post(url, "X-Warctrail-Token", "s3cret").statusCode());
            assertEquals(200, post(url, "Authorization", "Bearer s3cret").statusCode());
            // A sandboxed archived page posts with Origin: null; it never gets through, token or not.
            assertEquals(403, post(url, "X-Warctrail-Token", "s3cret", "Origin", "null").statusCode());
        }
        try (ReplayServer noToken = new ReplayServer(fixture.store, fixture.index,
                new ServeOptions("0.0.0.0", 0, false, null))
                .routes(r -> r.post("/api/echo", ctx -> ctx.result("done"))).start()) {
            assertEquals(403, post("http://127.0.0.1:" + noToken.port() + "/api/echo").statusCode());
        }
        try (ReplayServer local = new ReplayServer(fixture.store, fixture.index, ServeOptions.loopback(0))
                .routes(r -> r.post("/api/echo", ctx -> ctx.result("done"))).start()) {
            String url = "http://127.0.0.1:" + local.port() + "/api/echo";
            assertEquals(200, post(url).statusCode());
            assertEquals(403, post(url, "Origin", "http://evil.example").statusCode());
        }
    }

    private static HttpResponse<String> post(String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) b.headers(headers);
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertNotNull(r);
        return r;
    }
}
