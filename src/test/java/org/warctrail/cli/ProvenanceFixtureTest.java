package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureWeb;

/**
 * The acceptance case on the fixture web: one {@code capture --depth 3} of the blog (and the mirror copy,
 * which nothing links to), then {@code trace} and {@code chain}; and {@code chain --capture-missing} after a
 * capture of the blog alone.
 */
class ProvenanceFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOTE = "“the call to knock it off was put in place and the attacks ceased,”";

    @TempDir
    static Path dir;
    static FixtureWeb web;
    static Path store;

    @BeforeAll
    static void capture() throws Exception {
        web = FixtureWeb.start();
        store = dir.resolve("store");
        CommandRun run = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(), "--delay", "0",
                "--depth", "3", "--json", FixtureWeb.BLOG_POST.toString(), FixtureWeb.MIRROR_COPY.toString());
        assertEquals(0, run.exit(), run.err());
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static JsonNode json(Object command, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("--store", store.toString(), "--json"));
        all.addAll(List.of(args));
        ProvenanceCommandsTest.Run run = ProvenanceCommandsTest.run(command, all.toArray(String[]::new));
        assertEquals(0, run.code(), run.err());
        return JSON.readTree(run.out());
    }

    @Test
    void traceLeadsFromTheBlogThroughTheShortLinkAndTheArticleToTheTranscript() throws Exception {
        JsonNode trace = json(new TraceCommand(), QUOTE);
        Set<String> urls = new HashSet<>(trace.get("matches").findValuesAsText("url"));
        assertEquals(Set.of(FixtureWeb.BLOG_POST.toString(), FixtureWeb.NEWS_ARTICLE.toString(),
                FixtureWeb.MIRROR_COPY.toString(), FixtureWeb.TRANSCRIPT_PDF.toString()), urls);
        assertEquals(FixtureWeb.TRANSCRIPT_PDF.toString(), trace.get("origin").get("url").asText());
        assertEquals("links", trace.get("origin").get("reason").asText());
        JsonNode fromBlog = null;
        for (JsonNode path : trace.get("paths")) {
            if (path.get(0).get("from").asText().equals(FixtureWeb.BLOG_POST.toString())) fromBlog = path;
        }
        assertTrue(fromBlog != null, trace.toPrettyString());
        assertEquals(List.of("continuation", "redirect", "citation"), fromBlog.findValuesAsText("kind"));
        assertEquals(List.of(FixtureWeb.SHORT_LINK.toString(), FixtureWeb.NEWS_ARTICLE.toString(),
                FixtureWeb.TRANSCRIPT_PDF.toString()), fromBlog.findValuesAsText("to"));

        JsonNode edited = json(new TraceCommand(), "the call to knock it off was put in place and the strikes ceased");
        assertEquals(4, edited.get("matches").size(), edited.toPrettyString());
        for (JsonNode m : edited.get("matches")) {
            assertTrue(m.get("score").asDouble() < 1 && m.get("score").asDouble() > 0.9, m.toString());
        }
    }

    @Test
    void chainOfTheBlogShowsSourcesRedirectAndReuseButNoMenu() throws Exception {
        JsonNode chain = json(new ChainCommand(), FixtureWeb.BLOG_POST.toString());
        Set<String> edges = new HashSet<>();
        for (JsonNode e : chain.get("edges")) {
            edges.add(e.get("from").asText() + " " + e.get("kind").asText() + " " + e.get("to").asText());
        }
        String blog = FixtureWeb.BLOG_POST.toString();
        assertTrue(edges.contains(blog + " continuation " + FixtureWeb.SHORT_LINK), edges.toString());
        assertTrue(edges.contains(FixtureWeb.SHORT_LINK + " redirect " + FixtureWeb.NEWS_ARTICLE), edges.toString());
        assertTrue(edges.contains(FixtureWeb.NEWS_ARTICLE + " citation " + FixtureWeb.TRANSCRIPT_PDF), edges.toString());
        assertTrue(edges.contains(blog + " image_credit " + FixtureWeb.IMAGE_CREDIT), edges.toString());
        assertTrue(edges.contains(blog + " reuse " + FixtureWeb.NEWS_ARTICLE), edges.toString());
        for (JsonNode e : chain.get("edges")) {
            String kind = e.get("kind").asText();
            assertTrue(!Set.of("navigation", "social", "advert", "link", "requisite").contains(kind), e.toString());
            if (kind.equals("redirect")) assertEquals(301, e.get("status").asInt());
            // The blog copied paragraphs of the article, and with them the article's quotes of the transcript.
            if (kind.equals("reuse")) assertTrue(e.get("share").asDouble() > 0.1, e.toString());
            if (kind.equals("reuse") && e.get("to").asText().equals(FixtureWeb.NEWS_ARTICLE.toString())) {
                assertTrue(e.get("share").asDouble() > 0.3 && e.get("text").asText().startsWith("reuses "), e.toString());
            }
        }
        for (JsonNode n : chain.get("nodes")) {
            String host = java.net.URI.create(n.get("url").asText()).getHost();
            assertTrue(!Set.of("facebook.example", "twitter.example", "newdawn.example").contains(host), n.toString());
        }
    }

    @Test
    void captureMissingArchivesTheGaps() throws Exception {
        Path fresh = dir.resolve("fresh");
        CommandRun run = CommandRun.of("capture", "--store", fresh.toString(), "--proxy", web.proxy(), "--delay", "0",
                FixtureWeb.BLOG_POST.toString());
        assertEquals(0, run.exit(), run.err());
        ProvenanceCommandsTest.Run before = ProvenanceCommandsTest.run(new ChainCommand(), "--store", fresh.toString(),
                "--json", FixtureWeb.BLOG_POST.toString());
        assertTrue(JSON.readTree(before.out()).get("nodes").findValuesAsText("archived").contains("false"), before.out());

        ProvenanceCommandsTest.Run after = ProvenanceCommandsTest.run(new ChainCommand(), "--store", fresh.toString(),
                "--json", "--capture-missing", "--proxy", web.proxy(), "--delay", "0", FixtureWeb.BLOG_POST.toString());
        assertEquals(0, after.code(), after.err());
        JsonNode chain = JSON.readTree(after.out());
        assertTrue(chain.get("nodes").findValuesAsText("archived").stream().allMatch(a -> a.equals("true")),
                chain.toPrettyString());
        assertTrue(chain.get("nodes").findValuesAsText("url").contains(FixtureWeb.TRANSCRIPT_PDF.toString()));
    }
}
