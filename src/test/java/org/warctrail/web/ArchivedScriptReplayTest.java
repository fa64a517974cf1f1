package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.store.WarcStore;

/**
 * A page that builds itself with JavaScript, replayed in headless Chromium: its script fetches a root-relative
 * {@code /api/story.json}, loads {@code data/more.json} by XHR, adds images by {@code src}, {@code srcset} and
 * {@code innerHTML}, a script from another host, imports a module and moves the URL with {@code pushState}.
 * Everything must come from the archive at the page's timestamp: the stand-ins for the live sites see nothing,
 * and the server's own {@code /api/story.json} route is never reached.
 */
@Timeout(120)
class ArchivedScriptReplayTest {
    static final String TS = "20240101000000";
    static final String HEADLINE = "Harbour reopens after the storm";
    static final String STORY = "The harbour master said the quay walls held, archived only in the JSON.";

    @TempDir
    static Path dir;
    static LiveWebTrap site;
    static LiveWebTrap cdn;
    static ReplayServer server;
    static final AtomicInteger ownApiHits = new AtomicInteger();

    static String page() {
        return site.origin() + "/app/story.html";
    }

    @BeforeAll
    static void archiveScriptedPage() throws IOException {
        Browser.assumeAvailable();
        site = new LiveWebTrap();
        cdn = new LiveWebTrap();
        String s = site.origin();
        String c = cdn.origin();
        String html = """
                <!doctype html><html><head><meta charset="utf-8"><title>Loading…</title>
                <meta name="referrer" content="no-referrer"></head>
                <body><h1 id="headline">Loading…</h1><p id="story"></p><p id="more"></p><p id="extra"></p>
                <p id="module"></p><div id="lazy"></div>
                <script>
                fetch('/api/story.json').then(function (r) { return r.json(); }).then(function (story) {
                  document.title = story.headline;
                  document.getElementById('headline').textContent = story.headline;
                  document.getElementById('story').textContent = story.body;
                  var photo = document.createElement('img');
                  photo.id = 'photo';
                  photo.src = story.image;
                  document.body.appendChild(photo);
                  var wide = new Image();
                  wide.id = 'wide';
                  wide.srcset = '%2$s/img/wide.png 1x, %2$s/img/wide.png 2x';
                  document.body.appendChild(wide);
                  document.getElementById('lazy').innerHTML = '<img id="lazyimg" src="/img/lazy.png">';
                  var extra = document.createElement('script');
                  extra.setAttribute('src', '%2$s/js/extra.js');
                  document.head.appendChild(extra);
                  var x = new XMLHttpRequest();
                  x.open('GET', 'data/more.json');
                  x.onload = function () { document.getElementById('more').textContent = JSON.parse(x.responseText).more; };
                  x.send();
                  import('/app/module.js').then(function (m) { document.getElementById('module').textContent = m.mark; });
                  history.pushState({}, '', '/app/story-2.html');
                });
                </script></body></html>
                """.formatted(s, c);
        String json = "{\"headline\":\"" + HEADLINE + "\",\"body\":\"" + STORY + "\",\"image\":\"/img/photo.png\"}";
        List<WarcRecord> records = new ArrayList<>();
        records.add(record(page(), TS, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8)));
        records.add(record(s + "/api/story.json", "20240101000001", "application/json", bytes(json)));
        records.add(record(s + "/app/data/more.json", "20240101000002", "application/json",
                bytes("{\"more\":\"More from the archived XHR.\"}")));
        records.add(record(s + "/img/photo.png", "20240101000003", "image/png", png(8)));
        records.add(record(s + "/img/lazy.png", "20240101000004", "image/png", png(6)));
        records.add(record(c + "/img/wide.png", "20240101000005", "image/png", png(4)));
        records.add(record(c + "/js/extra.js", "20240101000006", "application/javascript",
                bytes("document.getElementById('extra').textContent = 'extra script ran';")));
        records.add(record(s + "/app/module.js", "20240101000007", "text/javascript",
                bytes("export const mark = 'module imported';")));
        WarcStore store = WarcStore.open(dir.resolve("store"));
        try (RotatingWarcWriter writer = store.newWriter(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            writer.writeAll(records);
        }
        server = new ReplayServer(store, new InMemoryCaptureLookup(store), ServeOptions.loopback(0))
                .routes(r -> r.get("/api/story.json", ctx -> {
                    ownApiHits.incrementAndGet();
                    ctx.result("{\"headline\":\"warctrail's own API answered\"}");
                }))
                .start();
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (site != null) site.close();
        if (cdn != null) cdn.close();
    }

    @Test
    void theArchivedScriptGetsTheArchivedJsonImagesAndScripts() throws Exception {
        String ui = "http://127.0.0.1:" + server.port();
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            driver.get(ui + "/web/" + TS + "/" + page());
            driver.switchTo().frame(driver.findElement(By.id("replay")));
            JavascriptExecutor js = (JavascriptExecutor) driver;
            try {
                browser.waiting(30).until(d -> Boolean.TRUE.equals(js.executeScript("""
                    function loaded(id) { var i = document.getElementById(id); return !!i && i.complete && i.naturalWidth > 0; }
                    return document.getElementById('extra').textContent !== ''
                        && document.getElementById('more').textContent !== ''
                        && document.getElementById('module').textContent !== ''
                        && loaded('photo') && loaded('wide') && loaded('lazyimg');
                    """)));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the page did not build itself from the archive: " + js.executeScript("""
                        return document.title + ' | ' + location.href + ' | ' + document.body.outerHTML;
                        """), e);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> shown = (Map<String, Object>) js.executeScript("""
                    function width(id) { return document.getElementById(id).naturalWidth; }
                    return { title: document.title, headline: document.getElementById('headline').textContent,
                      story: document.getElementById('story').textContent, more: document.getElementById('more').textContent,
                      extra: document.getElementById('extra').textContent, module: document.getElementById('module').textContent,
                      photo: width('photo'), wide: width('wide'), lazy: width('lazyimg'), path: location.pathname };
                    """);
            driver.switchTo().defaultContent();
            browser.screenshot("archived-script-replay");
            assertEquals(HEADLINE, shown.get("title"), shown.toString());
            assertEquals(HEADLINE, shown.get("headline"));
            assertEquals(STORY, shown.get("story"));
            assertEquals("More from the archived XHR.", shown.get("more"));
            assertEquals("extra script ran", shown.get("extra"));
            assertEquals("module imported", shown.get("module"));
            assertEquals(8L, ((Number) shown.get("photo")).longValue(), "root-relative src from the JSON");
            assertEquals(4L, ((Number) shown.get("wide")).longValue(), "srcset set by script, another host");
            assertEquals(6L, ((Number) shown.get("lazy")).longValue(), "innerHTML markup");
            assertEquals("/web/" + TS + "mp_/" + site.origin() + "/app/story-2.html", shown.get("path"),
                    "pushState stays in the archive");
        }
        assertEquals(0, ownApiHits.get(), "the archived page reached warctrail's own /api/story.json");
        assertEquals(List.of(), site.requests(), "the live site was asked");
        assertEquals(List.of(), cdn.requests(), "the live CDN was asked");
        assertEquals(0, site.connections() + cdn.connections(), "connections to the live web");
    }

    /**
     * The replay origin answers for the archive only: what escapes the page's script (a module import, a URL in CSS
     * set by script) is redirected into the archive by its Referer; the UI's routes do not exist there.
     */
    @Test
    void theReplayOriginServesTheArchiveOnly() throws Exception {
        String ui = "http://127.0.0.1:" + server.port();
        String replay = "http://127.0.0.1:" + server.replayPort();
        String referer = replay + "/web/" + TS + "mp_/" + page();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> escaped = send(http, HttpRequest.newBuilder(URI.create(replay + "/api/story.json?x=1"))
                .header("Referer", referer));
        assertEquals(307, escaped.statusCode());
        assertEquals("/web/" + TS + "mp_/" + site.origin() + "/api/story.json?x=1",
                escaped.headers().firstValue("Location").orElseThrow());
        assertEquals(404, send(http, HttpRequest.newBuilder(URI.create(replay + "/api/story.json"))).statusCode(),
                "no Referer of a replayed page: nothing to map it to");
        assertEquals(404, send(http, HttpRequest.newBuilder(URI.create(replay + "/timeline?url=x"))
                .header("Referer", "http://elsewhere.example/")).statusCode());
        assertEquals(403, send(http, HttpRequest.newBuilder(URI.create(replay + "/api/story.json"))
                .header("Referer", referer).POST(HttpRequest.BodyPublishers.ofString("{}"))).statusCode());
        assertEquals(403, send(http, HttpRequest.newBuilder(URI.create(replay + "/web/" + TS + "mp_/" + page()))
                .header("Service-Worker", "script")).statusCode(), "an archived page installing a service worker");
        HttpResponse<String> content = send(http, HttpRequest.newBuilder(URI.create(referer)));
        assertEquals(200, content.statusCode());
        assertTrue(content.headers().firstValue("Content-Security-Policy").orElseThrow().contains("allow-same-origin"));
        HttpResponse<String> snapshot = send(http, HttpRequest.newBuilder(URI.create(replay + "/web/" + TS + "/" + page())));
        assertEquals(ui + "/web/" + TS + "/" + page(), snapshot.headers().firstValue("Location").orElseThrow(),
                "the snapshot is a UI page");
        assertEquals(200, send(http, HttpRequest.newBuilder(URI.create(ui + "/api/story.json"))).statusCode(),
                "the UI's own route, on the UI's origin");
        ownApiHits.decrementAndGet();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png(int size) throws IOException {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private static WarcRecord record(String url, String ts, String type, byte[] body) throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n";
        return ArchiveFixture.response(url, ts, head, body, body);
    }
}
