package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.web.ArchiveUi;
import org.warctrail.web.CaptureJobs;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * A source that answered 404 when captured is dead, not "never tried": {@code chain} says so with the status and
 * the date, {@code --capture-missing} leaves it alone unless {@code --retry-dead}, and the provenance page lists
 * it apart from the gaps to capture.
 */
@Timeout(120)
class DeadSourcesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static FixtureWeb web;
    static Path store;
    static String deadUrl = FixtureWeb.IMAGE_CREDIT.toString();

    @BeforeAll
    static void captureWhileTheImageCreditIsGone() throws Exception {
        web = FixtureWeb.start();
        web.advance(); // version 1: the image credit's page answers 404
        store = dir.resolve("store");
        CommandRun run = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(), "--delay", "0",
                "--depth", "1", FixtureWeb.BLOG_POST.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(" 404 ") && run.out().contains(deadUrl), run.out());
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static ProvenanceCommandsTest.Run chain(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "--store";
        all[1] = store.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        all[all.length - 1] = FixtureWeb.BLOG_POST.toString();
        return ProvenanceCommandsTest.run(new ChainCommand(), all);
    }

    @Test
    void chainShowsTheStatusAndDateOfADeadSource() throws Exception {
        ProvenanceCommandsTest.Run text = chain("--depth", "1");
        assertEquals(0, text.code(), text.err());
        String line = text.out().lines().filter(l -> l.startsWith("! " + deadUrl)).findFirst().orElseThrow();
        assertTrue(line.matches(".*\\[captured: 404 not found on \\d{14}].*"), line);
        assertFalse(text.out().contains("NOT ARCHIVED"), text.out());
        assertTrue(text.out().contains("1 source(s) dead when captured (--capture-missing --retry-dead"), text.out());

        ProvenanceCommandsTest.Run json = chain("--depth", "1", "--json");
        JsonNode node = null;
        for (JsonNode n : JSON.readTree(json.out()).get("nodes")) {
            if (n.get("url").asText().equals(deadUrl)) node = n;
        }
        assertTrue(node != null, json.out());
        assertFalse(node.get("archived").asBoolean());
        assertTrue(node.get("firstCapture").isNull() && node.get("lastCapture").isNull(), node.toString());
        assertEquals(404, node.get("lastStatus").asInt());
        assertTrue(node.get("lastAttempt").asText().matches("\\d{14}"), node.toString());
        ProvenanceCommandsTest.Run fromDead = ProvenanceCommandsTest.run(new ChainCommand(), "--store", store.toString(),
                deadUrl);
        assertEquals(1, fromDead.code());
        assertTrue(fromDead.err().strip().matches("warctrail: " + java.util.regex.Pattern.quote(deadUrl)
                + " was captured only as 404 at \\d{14}; there is no page to start from \\(--capture-missing"
                + " --retry-dead tries it again\\)"), fromDead.err());
        JsonNode root = JSON.readTree(json.out()).get("nodes").get(0);
        assertEquals(200, root.get("lastStatus").asInt());
        assertEquals(root.get("lastCapture").asText(), root.get("lastAttempt").asText());
    }

    @Test
    void captureMissingSkipsDeadSourcesUnlessAskedToRetry() throws Exception {
        Path copy = dir.resolve("retry");
        assertEquals(0, CommandRun.of("capture", "--store", copy.toString(), "--proxy", web.proxy(), "--delay", "0",
                "--depth", "1", FixtureWeb.BLOG_POST.toString()).exit());
        web.clearRequests();
        ProvenanceCommandsTest.Run skip = ProvenanceCommandsTest.run(new ChainCommand(), "--store", copy.toString(),
                "--depth", "1", "--capture-missing", "--proxy", web.proxy(), "--delay", "0", FixtureWeb.BLOG_POST.toString());
        assertEquals(0, skip.code(), skip.err());
        assertFalse(web.requested(FixtureWeb.IMAGE_CREDIT), "a dead source was fetched again unasked");

        ProvenanceCommandsTest.Run retry = ProvenanceCommandsTest.run(new ChainCommand(), "--store", copy.toString(),
                "--depth", "1", "--capture-missing", "--retry-dead", "--no-check-certificate", "--proxy", web.proxy(),
                "--delay", "0", FixtureWeb.BLOG_POST.toString());
        assertEquals(0, retry.code(), retry.err());
        assertTrue(web.requested(FixtureWeb.IMAGE_CREDIT), "--retry-dead did not fetch the dead source");
    }

    @Test
    void traceAcceptsTheCaptureMissingOptions() {
        ProvenanceCommandsTest.Run trace = ProvenanceCommandsTest.run(new TraceCommand(), "--store", store.toString(),
                "--capture-missing", "--retry-dead", "--no-check-certificate", "--proxy", web.proxy(), "--delay", "0",
                "the call to knock it off was put in place");
        assertEquals(0, trace.code(), trace.err());
    }

    @Test
    void provenancePageListsDeadSourcesApartFromTheGaps() throws Exception {
        try (Archive archive = Archives.open(store, m -> { })) {
            ServeOptions options = new ServeOptions("127.0.0.1", 0, true, null);
            try (CaptureJobs jobs = new CaptureJobs(archive, b -> b.proxy(web.proxy()).delayMillis(0), true);
                 ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
                new ArchiveUi(archive, jobs, server.pages(), options).install(server).start();
                String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/provenance?depth=1&url=" + URLEncoder.encode(FixtureWeb.BLOG_POST.toString(),
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
                Document html = Jsoup.parse(page);
                Element box = html.selectFirst("g.node[data-url=" + deadUrl + "]");
                assertTrue(box != null && box.hasClass("dead"), page);
                assertTrue(box.selectFirst("text.date").text().startsWith("captured: 404, "), box.outerHtml());
                Element dead = html.selectFirst("ul.dead");
                assertTrue(dead != null && dead.text().contains(deadUrl) && dead.text().contains("captured: 404"), page);
                assertTrue(dead.selectFirst("input[value=" + deadUrl + "]").attr("checked").isEmpty(),
                        "a dead source is not ticked for capture by default");
                for (Element gap : html.select("#capture-gaps ul:not(.dead) input")) {
                    assertFalse(gap.attr("value").equals(deadUrl), page);
                }
            }
        }
    }
}
