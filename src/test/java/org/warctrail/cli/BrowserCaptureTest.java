package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.ScriptedNewsSite;
import org.warctrail.fixture.WarcValidation;
import org.warctrail.testing.NodeScripts;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * The acceptance case for browser capture: {@code capture --browser} of a page whose article its script
 * builds from a JSON endpoint, with an image that loads only when scrolled into view, through the fixture proxy.
 */
@Timeout(180)
class BrowserCaptureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @TempDir
    static Path dir;
    static FixtureWeb web;
    static Path store;
    static JsonNode summary;

    @BeforeAll
    static void capture() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (Debian package chromium)");
        web = FixtureWeb.start();
        store = dir.resolve("store");
        CommandRun run = CommandRun.of("capture", "--browser", "--browser-path", CHROMIUM.toString(), "--store",
                store.toString(), "--proxy", web.proxy(), "--delay", "0", "--json", ScriptedNewsSite.STORY.toString());
        assertEquals(0, run.exit(), run.err());
        summary = JSON.readTree(run.out());
    }

    @AfterAll
    static void stop() throws IOException {
        if (web != null) web.close();
    }

    @Test
    void theWarcHoldsTheScriptTheJsonBothImagesAndAScreenshotLinkedToThePage() throws Exception {
        List<Read> records = records();
        Map<String, Read> responses = new HashMap<>();
        Map<String, Read> resources = new HashMap<>();
        Set<String> requestIds = new java.util.HashSet<>();
        for (Read r : records) {
            if (r.record() instanceof WarcResponse response) responses.put(response.target(), r);
            if (r.record() instanceof WarcResource resource) resources.put(resource.target(), r);
            if (r.record() instanceof WarcRequest request) {
                request.concurrentTo().forEach(id -> requestIds.add(id.toString()));
            }
        }
        for (URI url : List.of(ScriptedNewsSite.STORY, ScriptedNewsSite.SCRIPT, ScriptedNewsSite.STORY_JSON,
                ScriptedNewsSite.HERO_IMAGE, ScriptedNewsSite.LAZY_IMAGE)) {
            Read response = responses.get(url.toString());
            assertNotNull(response, url + " not captured; captured: " + responses.keySet());
            assertEquals(200, response.http().status(), url.toString());
            assertTrue(requestIds.contains(response.record().id().toString()), url + " has no request record");
        }
        // Byte-exact: the script was sent gzip-encoded, and the record keeps it so.
        Read script = responses.get(ScriptedNewsSite.SCRIPT.toString());
        assertEquals("gzip", script.http().headers().first("Content-Encoding").orElse(null));
        try (var gunzip = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(script.payload()))) {
            assertTrue(new String(gunzip.readAllBytes(), StandardCharsets.UTF_8).contains("IntersectionObserver"));
        }
        // The raw page stays the shell; the rendered DOM holds the story.
        Read page = responses.get(ScriptedNewsSite.STORY.toString());
        assertTrue(page.text().contains(ScriptedNewsSite.SHELL_TITLE), page.text());
        assertFalse(page.text().contains(ScriptedNewsSite.HEADLINE), page.text());

        Read shot = resources.get("urn:screenshot:" + ScriptedNewsSite.STORY);
        assertNotNull(shot, "no screenshot; resources: " + resources.keySet());
        assertEquals("image/png", shot.record().contentType().base().toString());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(shot.payload(), 4));
        assertEquals(List.of(page.record().id()), ((WarcResource) shot.record()).concurrentTo());

        Read dom = resources.get("urn:rendered-dom:" + ScriptedNewsSite.STORY);
        assertNotNull(dom, "no rendered DOM");
        assertEquals(List.of(page.record().id()), ((WarcResource) dom.record()).concurrentTo());
        assertTrue(dom.text().contains("<h1>" + ScriptedNewsSite.HEADLINE + "</h1>"), dom.text());
        assertTrue(dom.text().contains("src=\"/img/harbour-map.png\""), "the lazy image was not scrolled into view");
        assertEquals(page.record().date(), dom.record().date());

        // The page's response, its rendered DOM and its screenshot are written together, in that order.
        int at = records.indexOf(page);
        assertEquals(dom, records.get(at + 1));
        assertEquals(shot, records.get(at + 2));
    }

    @Test
    void jwarcAndWarcioReadTheFiles() throws Exception {
        for (Path warc : warcs()) {
            assertTrue(WarcValidation.jwarcValidates(warc), warc + " does not validate with jwarc");
        }
        NodeScripts.assumeInstalled("warcio");
        for (Path warc : warcs()) {
            List<JsonNode> parsed = new ArrayList<>();
            for (String line : NodeScripts.run("warc-records.mjs", warc.toString()).split("\n")) {
                if (!line.isBlank()) parsed.add(JSON.readTree(line));
            }
            for (JsonNode r : parsed) {
                if (!r.get("declaredBlockDigest").isNull()) {
                    assertEquals(r.get("declaredBlockDigest").asText(), r.get("blockDigest").asText(), r.toString());
                }
                if (!r.get("declaredPayloadDigest").isNull()) {
                    assertEquals(r.get("declaredPayloadDigest").asText(), r.get("payloadDigest").asText(), r.toString());
                }
            }
            assertTrue(parsed.stream().anyMatch(r -> r.get("type").asText().equals("resource")
                    && r.get("targetUri").asText().equals("urn:screenshot:" + ScriptedNewsSite.STORY)), parsed.toString());
        }
    }

    @Test
    void theCaptureCountsOnePageAndRefusesThePagesPost() {
        assertEquals(1, summary.get("pages").asInt(), summary.toPrettyString());
        Set<String> captured = new java.util.HashSet<>(summary.get("captured").findValuesAsText("url"));
        assertTrue(captured.contains(ScriptedNewsSite.LAZY_IMAGE.toString()), captured.toString());
        assertTrue(web.requested(ScriptedNewsSite.STORY_JSON), "the JSON did not go through the fixture proxy");
        // the page's POST is refused to it and said so, never sent half-recorded
        JsonNode failures = summary.get("failures");
        assertEquals(1, failures.size(), failures.toString());
        assertEquals(ScriptedNewsSite.METRICS.toString(), failures.get(0).get("url").asText());
        assertTrue(failures.get(0).get("reason").asText().startsWith("POST request by the page"), failures.toString());
        assertTrue(web.requests().stream().noneMatch(r -> r.method().equals("POST")));
    }

    @Test
    void searchFindsTheRenderedTextUnderTheRenderedHeadline() throws Exception {
        CommandRun run = CommandRun.of("search", "--store", store.toString(), "--json", "sea wall collapsed");
        assertEquals(0, run.exit(), run.err());
        JsonNode hits = JSON.readTree(run.out()).get("results");
        assertEquals(1, hits.size(), run.out());
        assertEquals(ScriptedNewsSite.STORY.toString(), hits.get(0).get("url").asText());
        assertEquals(ScriptedNewsSite.HEADLINE, hits.get(0).get("title").asText());
        assertTrue(hits.get(0).get("rendered").asBoolean(), hits.toString());
    }

    @Test
    void traceFindsTheQuoteThatOnlyTheJsonHeld() throws Exception {
        CommandRun run = CommandRun.of("trace", "--store", store.toString(), "--json", ScriptedNewsSite.QUOTE);
        assertEquals(0, run.exit(), run.err());
        JsonNode trace = JSON.readTree(run.out());
        Set<String> urls = new java.util.HashSet<>(trace.get("matches").findValuesAsText("url"));
        assertTrue(urls.contains(ScriptedNewsSite.STORY.toString()), trace.toPrettyString());
    }

    /**
     * The capture replayed in headless Chromium: the archived script gets the archived JSON and writes the article;
     * the browser is given the fixture web as its proxy, so any request that left the archive would reach it.
     */
    @Test
    void replayedInABrowserTheArchivedScriptBuildsTheArticleFromTheArchive() throws Exception {
        Path chromedriver = Path.of("/usr/bin/chromedriver");
        Assumptions.assumeTrue(Files.isExecutable(chromedriver), "no " + chromedriver + " (Debian package chromium-driver)");
        Assumptions.assumeFalse(Boolean.getBoolean("skipBrowserTests"), "skipBrowserTests=true");
        int before = web.requests().size();
        Path profile = Files.createDirectories(dir.resolve("replay-profile"));
        try (Archive archive = Archives.open(store, m -> { });
             ReplayServer server = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0)).start()) {
            var options = new org.openqa.selenium.chrome.ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--user-data-dir=" + profile,
                    "--proxy-server=" + web.proxy());
            var service = new org.openqa.selenium.chrome.ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.toFile()).usingAnyFreePort().build();
            var driver = new org.openqa.selenium.chrome.ChromeDriver(service, options);
            try {
                driver.get("http://127.0.0.1:" + server.port() + "/web/" + ScriptedNewsSite.STORY);
                driver.switchTo().frame(driver.findElement(org.openqa.selenium.By.id("replay")));
                String heading = new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(30))
                        .until(d -> {
                            Object h = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                                    "var h = document.querySelector('h1'); return h ? h.textContent : null;");
                            return ScriptedNewsSite.HEADLINE.equals(h) ? (String) h : null;
                        });
                assertEquals(ScriptedNewsSite.HEADLINE, heading);
                String text = (String) ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                        "return document.body.innerText;");
                assertTrue(text.contains(ScriptedNewsSite.QUOTE), text);
                Thread.sleep(500); // the page's beacon and lazy image would have gone out by now
            } finally {
                driver.quit();
                service.stop();
            }
        }
        // (Chromium's own background requests, to its update and sign-in services, pass the proxy too: not the page's)
        assertEquals(List.of(), web.requests().subList(before, web.requests().size()).stream()
                .filter(r -> r.host() != null && r.host().endsWith(".example")).toList(),
                "the replayed page reached the stand-in live web");
    }

    @Test
    void theTimelineMarksTheBrowserCaptureAndTheBannerOffersItsScreenshot() throws Exception {
        try (Archive archive = Archives.open(store, m -> { });
             ReplayServer server = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0)).start()) {
            String base = "http://127.0.0.1:" + server.port();
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
            String timeline = http.send(HttpRequest.newBuilder(URI.create(base + "/timeline?url="
                    + ScriptedNewsSite.STORY)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(timeline.contains("<span class=\"tag browser\""), timeline);
            java.util.regex.Matcher link = java.util.regex.Pattern.compile("<a class=\"screenshot\" href=\"([^\"]+)\"")
                    .matcher(timeline);
            assertTrue(link.find(), timeline);
            String screenshot = link.group(1).replace("&amp;", "&");
            assertTrue(screenshot.contains("id_/urn:screenshot:" + ScriptedNewsSite.STORY), screenshot);

            HttpResponse<byte[]> png = http.send(HttpRequest.newBuilder(URI.create(base + screenshot)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode());
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png.body(), 4));

            String banner = http.send(HttpRequest.newBuilder(URI.create(base + "/web/" + ScriptedNewsSite.STORY))
                            .build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(banner.contains("class=\"screenshot\" href=\"" + link.group(1)), banner);
            // the raw response stays what id_ returns: the shell, not the rendered page
            String raw = http.send(HttpRequest.newBuilder(URI.create(base + "/web/20990101000000id_/"
                    + ScriptedNewsSite.STORY)).build(), HttpResponse.BodyHandlers.ofString()).body();
            assertTrue(raw.contains("<p class=\"loading\">"), raw);
        }
    }

    private static List<Path> warcs() throws IOException {
        try (Stream<Path> files = Files.list(store.resolve("warcs"))) {
            return files.filter(p -> p.toString().endsWith(".warc.gz")).sorted().collect(Collectors.toList());
        }
    }

    /** A record as read, with its HTTP head (responses) and its payload as stored. */
    private record Read(WarcRecord record, org.netpreserve.jwarc.HttpResponse http, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    private static List<Read> records() throws IOException {
        List<Read> all = new ArrayList<>();
        for (Path warc : warcs()) {
            try (WarcReader reader = new WarcReader(warc)) {
                for (WarcRecord record : reader) {
                    org.netpreserve.jwarc.HttpResponse http = record instanceof WarcResponse response ? response.http() : null;
                    byte[] payload = http != null ? http.body().stream().readAllBytes()
                            : record.body().stream().readAllBytes();
                    all.add(new Read(record, http, payload));
                }
            }
        }
        return all;
    }
}
