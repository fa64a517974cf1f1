package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;

class QuoteTracerTest {
    private final SeedFixture.Loaded loaded = new SeedFixture.Loaded();

    @Test
    void spokesmansQuoteAsTheBlogPrintsItLeadsToTheTranscript() {
        Trace trace = loaded.tracer().trace(SeedFixture.QUOTE_AS_BLOG_PRINTS_IT);
        Set<String> urls = trace.matches().stream().map(TraceMatch::url).collect(Collectors.toSet());
        assertEquals(Set.of(SeedFixture.BLOG, SeedFixture.ARTICLE, SeedFixture.COPY, SeedFixture.TRANSCRIPT), urls);
        assertTrue(trace.matches().stream().allMatch(m -> m.score() == 1.0));
        // Oldest first: the transcript was published before the article, the copy and the blog.
        assertEquals(SeedFixture.TRANSCRIPT, trace.matches().get(0).url());

        assertEquals(new TraceOrigin(SeedFixture.TRANSCRIPT, "20160921120020", TraceOrigin.LINKS), trace.origin());
        List<TraceHop> fromBlog = trace.paths().stream().filter(p -> p.get(0).from().equals(SeedFixture.BLOG))
                .findFirst().orElseThrow();
        assertEquals(List.of(
                new TraceHop(SeedFixture.BLOG, SeedFixture.SHORT, "continuation"),
                new TraceHop(SeedFixture.SHORT, SeedFixture.ARTICLE, "redirect"),
                new TraceHop(SeedFixture.ARTICLE, SeedFixture.TRANSCRIPT, "citation")), fromBlog);
        assertEquals(3, trace.paths().size(), "blog, article and copy each lead to the transcript");
        List<TraceHop> fromCopy = trace.paths().stream().filter(p -> p.get(0).from().equals(SeedFixture.COPY))
                .findFirst().orElseThrow();
        assertEquals("canonical", fromCopy.get(0).kind());

        TraceMatch blog = trace.matches().stream().filter(m -> m.url().equals(SeedFixture.BLOG)).findFirst().orElseThrow();
        assertEquals("Thomas", blog.speaker());
        assertEquals("2016-09-20T10:00:00Z", blog.published());
        assertTrue(blog.context().contains("the call to knock it off was put in place and the attacks ceased"));
        TraceMatch article = trace.matches().stream().filter(m -> m.url().equals(SeedFixture.ARTICLE)).findFirst().orElseThrow();
        assertEquals("Col. John J. Thomas", article.speaker());
    }

    @Test
    void oneWordChangedStillMatchesWithALowerScore() {
        Trace trace = loaded.tracer().trace("the call to knock it off was put in place and the strikes ceased");
        assertEquals(4, trace.matches().size());
        assertTrue(trace.matches().stream().allMatch(m -> m.score() < 1 && m.score() > 0.9), trace.matches().toString());
        assertEquals(SeedFixture.TRANSCRIPT, trace.origin().url());
    }

    @Test
    void unarchivedLinksNearTheQuoteInTheOrigin() {
        // Trace a sentence only the article and the copy carry: the article is the origin (the copy's canonical
        // leads to it); the Central Command link next to the quote is not archived, the menu is ignored.
        Trace trace = loaded.tracer().trace("a spokesman for US Central Command, told reporters at the Pentagon");
        assertEquals(SeedFixture.ARTICLE, trace.origin().url());
        assertEquals(List.of(new UnarchivedLink("https://www.centcom.mil/MEDIA/STATEMENTS/", "US Central Command")),
                trace.unarchived());
    }

    @Test
    void withoutLinksTheEarliestPublishedIsTheOriginThenTheEarliestCaptured() {
        InMemoryQuoteCandidates candidates = new InMemoryQuoteCandidates();
        InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();
        String text = "He said the truce was over before the sun went down on Monday.";
        candidates.add(new QuoteCandidate("https://late.example/", "20200101000000", "2019-05-02", "Late", text, List.of()));
        candidates.add(new QuoteCandidate("https://early.example/", "20210101000000", "2019-05-01", "Early", text, List.of()));
        Trace trace = new QuoteTracer(candidates, graph).trace("the truce was over before the sun went down");
        assertEquals(new TraceOrigin("https://early.example/", "20210101000000", TraceOrigin.EARLIEST_PUBLISHED), trace.origin());
        assertTrue(trace.paths().isEmpty());

        InMemoryQuoteCandidates undated = new InMemoryQuoteCandidates();
        undated.add(new QuoteCandidate("https://b.example/", "20200301000000", null, "B", text, List.of()));
        undated.add(new QuoteCandidate("https://a.example/", "20200201000000", null, "A", text, List.of()));
        assertEquals(new TraceOrigin("https://a.example/", "20200201000000", TraceOrigin.EARLIEST_CAPTURED),
                new QuoteTracer(undated, graph).trace("the truce was over before the sun went down").origin());
    }

    @Test
    void reuseConnectsPagesThatDoNotLink() {
        SeedFixture.Loaded bare = new SeedFixture.Loaded();
        // A page that copies the article without a link: its only edge to the article is reuse.
        SeedFixture.Doc scraper = new SeedFixture.Doc(9, "https://scraper.example/news/1", "20160922000000",
                "Copied", null, "2016-09-21", "Breaking news from Syria. " + SeedFixture.ARTICLE_TEXT,
                List.of(SeedFixture.link("https://scraper.example/", "Home", "", LinkKind.NAVIGATION, LinkPlace.NAVIGATION)),
                List.of());
        bare.add(scraper);
        Trace trace = bare.tracer().trace("about half an hour into the airstrikes, which were being undertaken by"
                + " US-led coalition warplanes");
        List<TraceHop> fromScraper = trace.paths().stream()
                .filter(p -> p.get(0).from().equals(scraper.url())).findFirst().orElseThrow();
        assertEquals("reuse", fromScraper.get(0).kind());
    }

    private static final String WIRE = "The minister said the grain corridor would stay open through the winter"
            + " whatever the weather brought.";

    private static QuoteCandidate outlet(String url, String timestamp, String published) {
        return new QuoteCandidate(url, timestamp, published, url, "Kyiv. " + WIRE + " More later.", List.of());
    }

    private static Reuse reuse(String copier, String source) {
        int start = "Kyiv. ".length();
        int end = start + WIRE.length();
        return new Reuse(1, source, 2, copier, List.of(new Passage(start, end, start, end, 17)), 17, 0.8, 0.8);
    }

    @Test
    void reuseEdgesDoNotMakeALaterPageTheOrigin() {
        // Three outlets carry one wire story. The third gives no date and was captured first, so reuse detection
        // took it as the source of the other two; but the other two were published before it was ever captured.
        InMemoryQuoteCandidates candidates = new InMemoryQuoteCandidates();
        InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();
        String first = "https://first.example/grain";
        String second = "https://second.example/grain";
        String late = "https://aggregator.example/grain";
        for (QuoteCandidate c : List.of(outlet(first, "20211001000000", "2019-05-01T08:00:00Z"),
                outlet(second, "20211001000000", "2019-05-01T09:00:00Z"), outlet(late, "20200101000000", null))) {
            candidates.add(c);
            graph.addPage(c.url(), c.timestamp(), c.title(), null, c.published(), List.of());
        }
        graph.addReuse(reuse(first, late), outlet(first, "", null).text());
        graph.addReuse(reuse(second, late), outlet(second, "", null).text());

        Trace trace = new QuoteTracer(candidates, graph).trace("the grain corridor would stay open through the winter");
        assertEquals(new TraceOrigin(first, "20211001000000", TraceOrigin.EARLIEST_PUBLISHED), trace.origin());
    }

    @Test
    void explicitLinksDecideBeforeDatesAndImageCreditsDoNot() {
        InMemoryQuoteCandidates candidates = new InMemoryQuoteCandidates();
        InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();
        String original = "https://agency.example/story";
        String copy = "https://partner.example/story";
        String credit = "https://photos.example/story";
        // The copy carries an earlier date (its time zone), but names the agency as canonical: the agency is first.
        candidates.add(outlet(original, "20190501120000", "2019-05-01T10:00:00Z"));
        candidates.add(outlet(copy, "20190501120000", "2019-05-01T06:00:00+02:00"));
        graph.addPage(original, "20190501120000", "Agency", null, "2019-05-01T10:00:00Z", List.of());
        graph.addPage(copy, "20190501120000", "Partner", null, "2019-05-01T06:00:00+02:00",
                List.of(SeedFixture.link(original, "Agency", "", LinkKind.CANONICAL, LinkPlace.HEAD)));
        Trace linked = new QuoteTracer(candidates, graph).trace("the grain corridor would stay open through the winter");
        assertEquals(new TraceOrigin(original, "20190501120000", TraceOrigin.LINKS), linked.origin());
        assertEquals(List.of(List.of(new TraceHop(copy, original, "canonical"))), linked.paths());

        // An image credit names where a picture came from, not the words: dates decide.
        InMemoryQuoteCandidates credited = new InMemoryQuoteCandidates();
        InMemoryProvenanceGraph creditGraph = new InMemoryProvenanceGraph();
        credited.add(outlet(original, "20190501120000", "2019-05-01T10:00:00Z"));
        credited.add(outlet(credit, "20190501120000", "2019-05-02T10:00:00Z"));
        creditGraph.addPage(original, "20190501120000", "Agency", null, "2019-05-01T10:00:00Z",
                List.of(SeedFixture.link(credit, "Photo: Photos", "", LinkKind.IMAGE_CREDIT, LinkPlace.MAIN)));
        creditGraph.addPage(credit, "20190501120000", "Photos", null, "2019-05-02T10:00:00Z", List.of());
        assertEquals(new TraceOrigin(original, "20190501120000", TraceOrigin.EARLIEST_PUBLISHED),
                new QuoteTracer(credited, creditGraph).trace("the grain corridor would stay open through the winter")
                        .origin());
    }

    @Test
    void aDeadLinkNearTheQuoteSaysWhatItAnswered() {
        InMemoryQuoteCandidates candidates = new InMemoryQuoteCandidates();
        InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();
        String page = "https://agency.example/story";
        String gone = "https://ministry.example/statement";
        String never = "https://ministry.example/briefing";
        candidates.add(outlet(page, "20190501120000", "2019-05-01T10:00:00Z"));
        graph.addPage(page, "20190501120000", "Agency", null, "2019-05-01T10:00:00Z", List.of(
                SeedFixture.link(gone, "the statement", WIRE, LinkKind.CITATION, LinkPlace.MAIN),
                SeedFixture.link(never, "the briefing", WIRE, LinkKind.CITATION, LinkPlace.MAIN)));
        graph.addFailure(gone, "20190502000000", 404);
        Trace trace = new QuoteTracer(candidates, graph).trace("the grain corridor would stay open through the winter");
        assertEquals(List.of(new UnarchivedLink(gone, "the statement", 404, "20190502000000"),
                new UnarchivedLink(never, "the briefing")), trace.unarchived());
        assertTrue(trace.unarchived().get(0).dead() && !trace.unarchived().get(1).dead());
    }

    @Test
    void nothingFoundAndEmptyQuotes() {
        Trace trace = loaded.tracer().trace("words that appear nowhere in this archive at all");
        assertTrue(trace.matches().isEmpty());
        assertNull(trace.origin());
        assertThrows(IllegalArgumentException.class, () -> loaded.tracer().trace("“ — ”"));
    }

    @Test
    void jsonHasDesignShape() {
        JsonNode json = new ObjectMapper().valueToTree(loaded.tracer().trace(SeedFixture.QUOTE_AS_BLOG_PRINTS_IT));
        assertEquals(Set.of("quote", "matches", "origin", "paths", "unarchived", "likelyOrigin"), ChainWalkerTest.fields(json));
        assertEquals(Set.of("url", "timestamp", "published", "title", "score", "context", "speaker"),
                ChainWalkerTest.fields(json.get("matches").get(0)));
        assertEquals(Set.of("url", "timestamp", "reason"), ChainWalkerTest.fields(json.get("origin")));
        assertEquals(Set.of("from", "to", "kind"), ChainWalkerTest.fields(json.get("paths").get(0).get(0)));
    }
}
