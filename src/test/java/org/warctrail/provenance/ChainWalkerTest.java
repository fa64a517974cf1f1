package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;

class ChainWalkerTest {
    private final SeedFixture.Loaded loaded = new SeedFixture.Loaded();

    private static ChainEdge edge(Chain chain, String from, String to, String kind) {
        return chain.edges().stream()
                .filter(e -> e.from().equals(from) && e.to().equals(to) && e.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " edge " + from + " -> " + to + " in " + chain.edges()));
    }

    @Test
    void chainOfTheBlogShowsItsSourcesAndNoMenu() {
        Chain chain = new ChainWalker(loaded.graph).walk(SeedFixture.BLOG, ChainWalker.DEFAULT_DEPTH);
        assertEquals(SeedFixture.BLOG, chain.root());
        edge(chain, SeedFixture.BLOG, SeedFixture.SHORT, "continuation");
        assertEquals(301, edge(chain, SeedFixture.SHORT, SeedFixture.ARTICLE, "redirect").status());
        ChainEdge citation = edge(chain, SeedFixture.ARTICLE, SeedFixture.TRANSCRIPT, "citation");
        assertEquals("told reporters at the Pentagon", citation.text());
        assertTrue(citation.context().startsWith("Col. John J. Thomas"));
        edge(chain, SeedFixture.BLOG, SeedFixture.IMAGE_SOURCE, "image_credit");
        ChainEdge reuse = edge(chain, SeedFixture.BLOG, SeedFixture.ARTICLE, "reuse");
        assertTrue(reuse.share() > 0.5 && reuse.text().startsWith("reuses 1 passage"), reuse.toString());
        assertTrue(reuse.context().startsWith("The Russian military tried to contact"), reuse.context());

        Set<String> kinds = chain.edges().stream().map(ChainEdge::kind).collect(Collectors.toSet());
        assertFalse(kinds.contains("navigation") || kinds.contains("social") || kinds.contains("advert")
                || kinds.contains("link"), kinds.toString());
        assertTrue(chain.nodes().stream().noneMatch(n -> n.url().contains("facebook") || n.url().contains("category")
                || n.url().contains("newdawn")), chain.nodes().toString());

        // The image source is linked but not archived: a visible gap.
        ChainNode image = chain.nodes().stream().filter(n -> n.url().equals(SeedFixture.IMAGE_SOURCE)).findFirst().orElseThrow();
        assertFalse(image.archived());
        assertEquals(List.of(image), chain.gaps());
        ChainNode article = chain.nodes().stream().filter(n -> n.url().equals(SeedFixture.ARTICLE)).findFirst().orElseThrow();
        assertEquals("RT", article.site());
        assertEquals("2016-09-19T15:00:00Z", article.published());
        assertEquals("20160921120010", article.firstCapture());
    }

    @Test
    void urlVariantsMeetBySurtAndCyclesEnd() {
        // The copy's canonical link is http://rt.com/...: it reaches the article captured as https://www.rt.com/.../
        Chain copy = new ChainWalker(loaded.graph).walk(SeedFixture.COPY, 3);
        edge(copy, SeedFixture.COPY, SeedFixture.ARTICLE, "canonical");
        edge(copy, SeedFixture.ARTICLE, SeedFixture.TRANSCRIPT, "citation");

        InMemoryProvenanceGraph cycle = new InMemoryProvenanceGraph();
        cycle.addPage("https://a.example/", "20200101000000", "A", null, null,
                List.of(SeedFixture.link("http://www.b.example", "B", "", LinkKind.CITATION, LinkPlace.MAIN)));
        cycle.addPage("https://b.example/", "20200101000000", "B", null, null,
                List.of(SeedFixture.link("https://a.example", "A", "", LinkKind.CITATION, LinkPlace.MAIN)));
        Chain chain = new ChainWalker(cycle).walk("https://a.example/", 10);
        assertEquals(2, chain.nodes().size());
        assertEquals(2, chain.edges().size());
    }

    @Test
    void depthLimitsHopsButRedirectsAreFree() {
        Chain one = new ChainWalker(loaded.graph).walk(SeedFixture.BLOG, null, 1, false);
        Set<String> urls = one.nodes().stream().map(ChainNode::url).collect(Collectors.toSet());
        assertEquals(Set.of(SeedFixture.BLOG, SeedFixture.SHORT, SeedFixture.ARTICLE, SeedFixture.IMAGE_SOURCE), urls);
    }

    @Test
    void aSourceCapturedOnlyAsAnErrorIsDeadNotUntried() {
        InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();
        String page = "https://blog.example/post";
        String gone = "https://agency.example/gone";
        String never = "https://agency.example/never";
        String moved = "https://agency.example/moved";
        graph.addPage(page, "20210101000000", "Post", null, null, List.of(
                SeedFixture.link(gone, "agency", "", org.warctrail.extract.LinkKind.CITATION, org.warctrail.extract.LinkPlace.MAIN),
                SeedFixture.link(never, "agency", "", org.warctrail.extract.LinkKind.CITATION, org.warctrail.extract.LinkPlace.MAIN),
                SeedFixture.link(moved, "agency", "", org.warctrail.extract.LinkKind.CITATION, org.warctrail.extract.LinkPlace.MAIN)));
        graph.addFailure(gone, "20210101000005", 404);
        graph.addFailure(gone, "20210301000000", 410);
        graph.addPage(moved, "20200101000000", "Moved", null, null, List.of());
        graph.addFailure(moved, "20210101000007", 503);
        Chain chain = new ChainWalker(graph).walk(page, 1);
        ChainNode dead = chain.nodes().stream().filter(n -> n.url().equals(gone)).findFirst().orElseThrow();
        assertEquals(ChainNode.failed(gone, 410, "20210301000000"), dead);
        assertTrue(dead.dead());
        assertEquals(List.of(dead), chain.dead());
        assertEquals(List.of(never), chain.untried().stream().map(ChainNode::url).toList());
        // Archived once, failing since: archived, and the latest status says so.
        ChainNode later = chain.nodes().stream().filter(n -> n.url().equals(moved)).findFirst().orElseThrow();
        assertTrue(later.archived() && !later.dead());
        assertEquals(503, later.lastStatus());
        assertEquals("20200101000000", later.lastCapture());
    }

    @Test
    void jsonHasDesignShape() throws Exception {
        Chain chain = new ChainWalker(loaded.graph).walk(SeedFixture.BLOG, 3);
        JsonNode json = new ObjectMapper().valueToTree(chain);
        assertEquals(Set.of("root", "nodes", "edges"), fields(json));
        assertEquals(Set.of("url", "title", "site", "published", "archived", "firstCapture", "lastCapture",
                "lastStatus", "lastAttempt"), fields(json.get("nodes").get(0)));
        assertEquals(Set.of("from", "to", "kind", "text", "context", "status", "share", "discrepancies"),
                fields(json.get("edges").get(0)));
    }

    static Set<String> fields(JsonNode node) {
        Set<String> names = new java.util.HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
