package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.WarcValidation;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * The jar's commands as a user runs them, against the fixture web through its proxy: capture the seed-like
 * blog to depth 3, check the WARCs, the index, search, reindex, recapture and replay.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CaptureToReplayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static FixtureWeb web;
    static Path store;

    @BeforeAll
    static void start() throws Exception {
        web = FixtureWeb.start();
        store = dir.resolve("store");
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static CommandRun warctrail(String... args) {
        CommandRun run = CommandRun.of(args);
        assertEquals(0, run.exit(), () -> String.join(" ", args) + " failed: " + run.err());
        return run;
    }

    private static CommandRun capture(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("capture", "--store", store.toString(), "--proxy",
                web.proxy(), "--delay", "0", "--json"));
        args.addAll(List.of(more));
        return warctrail(args.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void captureFollowsSourcesNotMenus() throws Exception {
        JsonNode result = JSON.readTree(capture("--depth", "3", FixtureWeb.BLOG_POST.toString()).out());
        Set<String> urls = new HashSet<>();
        result.get("captured").forEach(c -> urls.add(c.get("url").asText()));
        for (URI expected : List.of(FixtureWeb.BLOG_POST, FixtureWeb.SHORT_LINK, FixtureWeb.NEWS_ARTICLE,
                FixtureWeb.TRANSCRIPT_PDF, FixtureWeb.IMAGE_CREDIT, FixtureWeb.BLOG_CSS, FixtureWeb.BLOG_IMAGE)) {
            assertTrue(urls.contains(expected.toString()), "not captured: " + expected + " in " + urls);
        }
        assertFalse(urls.contains("http://blog.example/category/syria/"), "followed a menu link");
        for (String host : List.of("facebook.example", "twitter.example", "newdawn.example")) {
            assertTrue(web.requestsTo(host).isEmpty(), "fetched from " + host);
        }
        // blog, article, transcript and image credit; the short link's redirect and the requisites are resources
        assertEquals(4, result.get("pages").asInt(), result.toString());
        assertTrue(result.get("resources").asInt() >= 5, result.toString());
        assertTrue(result.get("bytes").asLong() > 0);

        List<Path> warcs = warcFiles();
        assertFalse(warcs.isEmpty());
        for (Path warc : warcs) assertTrue(WarcValidation.jwarcValidates(warc), "jwarc rejects " + warc);
    }

    @Test
    @Order(2)
    void reindexGivesTheSameCdx() {
        String before = warctrail("cdx", "--store", store.toString()).out();
        assertTrue(before.contains("example,news)/news/2016/09/russia-contacted-us-twice.html"), before);
        assertTrue(before.contains("\"status\": \"301\""), "redirect hop missing:\n" + before);
        warctrail("reindex", "--store", store.toString());
        assertEquals(before, warctrail("cdx", "--store", store.toString()).out());
        String cdx11 = warctrail("cdx", "--store", store.toString(), "--format", "cdx").out();
        assertTrue(cdx11.startsWith(" CDX N b a m s k r M S V g"), cdx11);
    }

    @Test
    @Order(3)
    void searchFindsBodiesNotMenus() throws Exception {
        JsonNode hits = JSON.readTree(warctrail("search", "--store", store.toString(), "--json", "Konashenkov").out());
        Set<String> urls = new HashSet<>();
        hits.get("results").forEach(r -> urls.add(r.get("url").asText()));
        assertTrue(urls.contains(FixtureWeb.NEWS_ARTICLE.toString()), urls.toString());
        assertTrue(urls.contains(FixtureWeb.BLOG_POST.toString()), urls.toString());
        JsonNode menu = JSON.readTree(warctrail("search", "--store", store.toString(), "--json", "Wednesday").out());
        assertEquals(0, menu.get("total").asInt(), "the date widget was indexed as text: " + menu);
    }

    @Test
    @Order(4)
    void unchangedRecaptureIsARevisit() throws Exception {
        JsonNode again = JSON.readTree(capture(FixtureWeb.NEWS_ARTICLE.toString()).out());
        JsonNode article = null;
        for (JsonNode c : again.get("captured")) {
            if (c.get("url").asText().equals(FixtureWeb.NEWS_ARTICLE.toString())) article = c;
        }
        assertTrue(article != null && article.get("revisit").asBoolean(), again.toString());
        String cdx = warctrail("cdx", "--store", store.toString(), FixtureWeb.NEWS_ARTICLE.toString()).out();
        assertTrue(cdx.contains("warc/revisit"), cdx);
    }

    @Test
    @Order(5)
    void robotsTxtIsObeyed() throws Exception {
        JsonNode result = JSON.readTree(capture(FixtureWeb.BLOG_PRIVATE.toString()).out());
        assertFalse(web.requested(FixtureWeb.BLOG_PRIVATE), "fetched a page robots.txt disallows");
        assertTrue(result.get("failures").toString().contains("robots"), result.toString());
    }

    @Test
    @Order(6)
    void replayGivesThePayloadByteForByte() throws Exception {
        try (Archive archive = Archives.open(store, m -> { });
             ReplayServer server = new ReplayServer(archive.store(), archive.index(),
                     new ServeOptions("127.0.0.1", 0, false, null)).start()) {
            HttpClient http = HttpClient.newHttpClient();
            for (URI url : List.of(FixtureWeb.NEWS_ARTICLE, FixtureWeb.TRANSCRIPT_PDF, FixtureWeb.BLOG_IMAGE)) {
                String ts = archive.index().captures(url.toString()).get(0).timestamp();
                HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/web/" + ts + "id_/" + url)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode(), url.toString());
                assertArrayEquals(web.responseFor(url).entity(), r.body(), "id_ bytes differ for " + url);
            }
        }
    }

    @Test
    @Order(7)
    void badInputGivesOneLineErrors() {
        CommandRun notUrl = CommandRun.of("capture", "--store", store.toString(), "ftp://example.org/");
        assertEquals(1, notUrl.exit());
        assertEquals("warctrail: not an http or https URL: ftp://example.org/", notUrl.err().strip());
        CommandRun badOption = CommandRun.of("capture", "--store", store.toString(), "--depth", "x", "http://a.example/");
        assertEquals(2, badOption.exit());
        assertEquals(1, badOption.err().strip().lines().count(), badOption.err());
    }

    private static List<Path> warcFiles() throws Exception {
        try (Stream<Path> s = Files.list(store.resolve("warcs"))) {
            return s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
    }
}
