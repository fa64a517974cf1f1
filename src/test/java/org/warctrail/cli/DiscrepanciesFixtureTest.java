package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
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
 * The issue's case for discrepancies: the blog repost and the syndicated copy are captured while the article says
 * 62 soldiers were killed; the article is corrected to 64 and captured again; {@code chain --json} of each copy
 * lists the figure it kept against the corrected one, dated by the correcting capture; the provenance page
 * highlights it.
 */
class DiscrepanciesFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void copiesCapturedBeforeACorrectionShowTheFigureTheyKept() throws Exception {
        Path store = dir.resolve("store");
        try (FixtureWeb web = FixtureWeb.start()) {
            CommandRun first = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(), "--delay",
                    "0", "--depth", "2", FixtureWeb.BLOG_POST.toString(), FixtureWeb.MIRROR_COPY.toString());
            assertEquals(0, first.exit(), first.err());
            web.advance();
            web.advance(); // version 2: the article's death toll corrected from 62 to 64
            CommandRun again = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(), "--delay",
                    "0", "--depth", "0", FixtureWeb.NEWS_ARTICLE.toString());
            assertEquals(0, again.exit(), again.err());
        }
        String article = FixtureWeb.NEWS_ARTICLE.toString();

        JsonNode blogChain = chain(store, FixtureWeb.BLOG_POST.toString());
        String corrected = lastCapture(blogChain, article);
        JsonNode reuse = edge(blogChain, FixtureWeb.BLOG_POST.toString(), "reuse", article);
        assertEquals(List.of("number 62 Syrian | 64 Syrian @" + corrected), discrepancies(reuse), reuse.toString());
        // the continuation reaches the article through the short link's redirect: the same texts compared
        JsonNode continuation = edge(blogChain, FixtureWeb.BLOG_POST.toString(), "continuation",
                FixtureWeb.SHORT_LINK.toString());
        assertEquals(List.of("number 62 Syrian | 64 Syrian @" + corrected), discrepancies(continuation));
        // nothing else is reported: the repost's own intro (at least 70) is not the article's sentence
        for (JsonNode e : blogChain.get("edges")) {
            for (String d : discrepancies(e)) assertEquals("number 62 Syrian | 64 Syrian @" + corrected, d, e.toString());
        }
        // a link that carries no text of the source has none
        JsonNode redirect = edge(blogChain, FixtureWeb.SHORT_LINK.toString(), "redirect", article);
        assertEquals(List.of(), discrepancies(redirect));

        Element listed = Jsoup.parse(provenancePage(store, FixtureWeb.BLOG_POST.toString()))
                .selectFirst("#discrepancies li.kind-number");
        assertTrue(listed != null, "no discrepancy listed on the provenance page");
        assertEquals("62 Syrian", listed.selectFirst("mark.here").text());
        assertEquals("64 Syrian", listed.selectFirst("mark.there").text());
        assertTrue(listed.selectFirst("a").attr("href").contains(corrected), listed.outerHtml());

        JsonNode mirrorChain = chain(store, FixtureWeb.MIRROR_COPY.toString());
        List<String> fromMirror = new ArrayList<>();
        for (JsonNode e : mirrorChain.get("edges")) {
            if (e.get("to").asText().equals(article)) fromMirror.addAll(discrepancies(e));
        }
        assertTrue(!fromMirror.isEmpty(), mirrorChain.toPrettyString());
        assertTrue(fromMirror.stream().allMatch(d -> d.equals("number 62 Syrian | 64 Syrian @" + corrected)),
                fromMirror.toString());
    }

    private static String provenancePage(Path store, String url) throws Exception {
        try (Archive archive = Archives.openForReading(store, m -> { })) {
            ServeOptions options = new ServeOptions("127.0.0.1", 0, true, null);
            try (CaptureJobs jobs = new CaptureJobs(archive, b -> b.delayMillis(0), true);
                 ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
                new ArchiveUi(archive, jobs, server.pages(), options).install(server).start();
                return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.port() + "/provenance?depth=1&url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
            }
        }
    }

    private static JsonNode chain(Path store, String url) throws Exception {
        ProvenanceCommandsTest.Run run = ProvenanceCommandsTest.run(new ChainCommand(), "--store", store.toString(),
                "--json", url);
        assertEquals(0, run.code(), run.err());
        return JSON.readTree(run.out());
    }

    private static String lastCapture(JsonNode chain, String url) {
        for (JsonNode n : chain.get("nodes")) {
            if (n.get("url").asText().equals(url)) {
                return n.get("lastCapture").asText();
            }
        }
        throw new AssertionError("no node " + url + " in " + chain.toPrettyString());
    }

    private static JsonNode edge(JsonNode chain, String from, String kind, String to) {
        for (JsonNode e : chain.get("edges")) {
            if (e.get("from").asText().equals(from) && e.get("kind").asText().equals(kind)
                    && e.get("to").asText().equals(to)) {
                return e;
            }
        }
        throw new AssertionError("no " + kind + " edge " + from + " -> " + to + " in " + chain.toPrettyString());
    }

    private static List<String> discrepancies(JsonNode edge) {
        List<String> out = new ArrayList<>();
        for (JsonNode d : edge.get("discrepancies")) {
            out.add(d.get("kind").asText() + " " + d.get("here").asText() + " | " + d.get("there").asText() + " @"
                    + d.get("thereVersion").asText());
        }
        return out;
    }
}
