package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.ScriptedNewsSite;

/**
 * A page captured through the browser twice, its story changed in the JSON only: the unchanged script and images
 * are revisits, and the diff of the two versions shows the change in the rendered text, though the page's own HTML
 * is byte for byte the same; {@code reindex} makes the same index from the WARC files.
 */
@Timeout(240)
class BrowserRecaptureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void unchangedRequisitesAreRevisitsAndTheDiffComparesTheRenderedText(@TempDir Path dir) throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "no " + chromium + " (Debian package chromium)");
        Path store = dir.resolve("store");
        try (FixtureWeb web = FixtureWeb.start()) {
            capture(store, web);
            web.advance();
            JsonNode second = capture(store, web);
            Map<String, Boolean> revisits = new HashMap<>();
            for (JsonNode r : second.get("captured")) revisits.put(r.get("url").asText(), r.get("revisit").asBoolean());
            for (URI unchanged : new URI[] {ScriptedNewsSite.SCRIPT, ScriptedNewsSite.HERO_IMAGE,
                    ScriptedNewsSite.LAZY_IMAGE}) {
                assertEquals(Boolean.TRUE, revisits.get(unchanged.toString()), unchanged + " in " + revisits);
            }
            assertEquals(Boolean.FALSE, revisits.get(ScriptedNewsSite.STORY_JSON.toString()), revisits.toString());
            // the page itself is never a revisit: what it rendered is stored beside it each time
            assertEquals(Boolean.FALSE, revisits.get(ScriptedNewsSite.STORY.toString()), revisits.toString());
        }
        CommandRun diff = CommandRun.of("diff", "--store", store.toString(), ScriptedNewsSite.STORY.toString());
        assertEquals(0, diff.exit(), diff.err());
        assertTrue(diff.out().contains("[-four-] {+six+}"), diff.out());
        assertFalse(diff.out().contains("identical"), diff.out());

        // the WARC files alone make the same index: the rendered documents come back with reindex
        CommandRun reindex = CommandRun.of("reindex", "--store", store.toString());
        assertEquals(0, reindex.exit(), reindex.err());
        CommandRun again = CommandRun.of("diff", "--store", store.toString(), ScriptedNewsSite.STORY.toString());
        assertEquals(diff.out(), again.out());
        // the diff page shows the two captures' screenshots side by side
        try (org.warctrail.app.Archive archive = org.warctrail.app.Archives.open(store, m -> { });
             org.warctrail.web.ReplayServer server = new org.warctrail.web.ReplayServer(archive.store(), archive.index(),
                     org.warctrail.web.ServeOptions.loopback(0))) {
            org.warctrail.web.ServeOptions options = org.warctrail.web.ServeOptions.loopback(0);
            new org.warctrail.web.ArchiveUi(archive, new org.warctrail.web.CaptureJobs(archive, b -> b, false),
                    server.pages(), options).install(server).start();
            var http = java.net.http.HttpClient.newHttpClient();
            String page = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/diff?url=" + ScriptedNewsSite.STORY)).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            org.jsoup.nodes.Document doc = org.jsoup.Jsoup.parse(page);
            var shots = doc.select(".screenshots img");
            assertEquals(2, shots.size(), page);
            assertFalse(shots.get(0).attr("src").equals(shots.get(1).attr("src")), shots.toString());
            for (var img : shots) {
                assertTrue(img.attr("src").contains("id_/urn:screenshot:" + ScriptedNewsSite.STORY), img.toString());
                var png = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + img.attr("src"))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""), img.toString());
            }
        }
        CommandRun search = CommandRun.of("search", "--store", store.toString(), "--json", "six hundred residents");
        JsonNode hits = JSON.readTree(search.out()).get("results");
        assertEquals(1, hits.size(), search.out());
        assertEquals(ScriptedNewsSite.HEADLINE, hits.get(0).get("title").asText());
        assertTrue(hits.get(0).get("rendered").asBoolean());
    }

    private static JsonNode capture(Path store, FixtureWeb web) throws Exception {
        CommandRun run = CommandRun.of("capture", "--browser", "--store", store.toString(), "--proxy", web.proxy(),
                "--delay", "0", "--json", ScriptedNewsSite.STORY.toString());
        assertEquals(0, run.exit(), run.err());
        return JSON.readTree(run.out());
    }
}
