package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;

/** When the tracer names a source outside the archive as a quote's likely origin, and when it does not. */
class LikelyOriginTest {
    private static final String QUOTE = "the river rose faster than anyone in the valley could remember";
    private static final String SOURCE = "https://water-board.example/statements/flood.html";
    private static final String FILLER = "The town council met on Tuesday to discuss the cost of the repairs, which "
            + "are expected to take the whole summer and close the main road for several weeks.";
    private static final String CITING = "The water board said so in a statement on its site.";

    private final InMemoryQuoteCandidates candidates = new InMemoryQuoteCandidates();
    private final InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();

    /** A page quoting the words, with a link to {@code target} in the sentence {@code citing}, {@code gap} paragraphs away. */
    private void page(String url, String published, String target, int gap, LinkPlace place) {
        StringBuilder text = new StringBuilder("“" + QUOTE + ",” a farmer said.");
        for (int i = 0; i < gap - 1; i++) text.append("\n\n").append(FILLER.replace("Tuesday", "day " + i));
        text.append(gap == 0 ? " " : "\n\n").append(CITING);
        String ts = published.replace("-", "") + "120000";
        candidates.add(new QuoteCandidate(url, ts, published, url, text.toString(), List.of()));
        List<Link> links = target == null ? List.of()
                : List.of(new Link(target, "in a statement", CITING, LinkKind.CITATION, place));
        graph.addPage(url, ts, url, null, published, links);
    }

    private Trace trace() {
        return new QuoteTracer(candidates, graph).trace(QUOTE);
    }

    @Test
    void aSourceTwoOfThreePagesCiteNextToTheQuoteIsTheLikelyOrigin() {
        page("https://a.example/1", "2020-03-02", SOURCE, 0, LinkPlace.MAIN);
        page("https://b.example/1", "2020-03-03", SOURCE, 1, LinkPlace.MAIN);
        page("https://c.example/1", "2020-03-04", null, 0, LinkPlace.MAIN);
        LikelyOrigin likely = trace().likelyOrigin();
        assertEquals(new LikelyOrigin(SOURCE, "in a statement", 2, 3, List.of("https://a.example/1", "https://b.example/1"),
                null, null), likely);
    }

    @Test
    void onePageOrHalfThePagesAreNotEnough() {
        page("https://a.example/1", "2020-03-02", SOURCE, 0, LinkPlace.MAIN);
        page("https://b.example/1", "2020-03-03", null, 0, LinkPlace.MAIN);
        assertNull(trace().likelyOrigin(), "one page's link is that page's say");
        page("https://c.example/1", "2020-03-04", SOURCE, 0, LinkPlace.MAIN);
        page("https://d.example/1", "2020-03-05", null, 0, LinkPlace.MAIN);
        assertNull(trace().likelyOrigin(), "2 of 4 is no majority");
    }

    @Test
    void aLinkFarFromTheQuoteOrOutsideTheTextDoesNotCount() {
        page("https://a.example/1", "2020-03-02", SOURCE, 2, LinkPlace.MAIN);
        page("https://b.example/1", "2020-03-03", SOURCE, 2, LinkPlace.MAIN);
        assertNull(trace().likelyOrigin(), "two paragraphs away is not next to the quote");

        InMemoryQuoteCandidates sidebars = new InMemoryQuoteCandidates();
        InMemoryProvenanceGraph sidebarGraph = new InMemoryProvenanceGraph();
        for (String url : List.of("https://a.example/2", "https://b.example/2")) {
            String text = "“" + QUOTE + ",” a farmer said. " + CITING;
            sidebars.add(new QuoteCandidate(url, "20200302120000", "2020-03-02", url, text, List.of()));
            sidebarGraph.addPage(url, "20200302120000", url, null, "2020-03-02",
                    List.of(new Link(SOURCE, "in a statement", CITING, LinkKind.CITATION, LinkPlace.SIDEBAR)));
        }
        assertNull(new QuoteTracer(sidebars, sidebarGraph).trace(QUOTE).likelyOrigin(), "a sidebar is not the text");
    }

    @Test
    void anArchivedSourceIsNotALikelyOriginAndADeadOneSaysSo() {
        page("https://a.example/1", "2020-03-02", SOURCE, 0, LinkPlace.MAIN);
        page("https://b.example/1", "2020-03-03", SOURCE, 0, LinkPlace.MAIN);
        graph.addFailure(SOURCE, "20200401000000", 404);
        LikelyOrigin dead = trace().likelyOrigin();
        assertEquals(404, dead.lastStatus());
        assertEquals("20200401000000", dead.lastAttempt());

        graph.addPage(SOURCE, "20200402000000", "Statement", null, "2020-03-01", List.of());
        assertNull(trace().likelyOrigin(), "archived: the tracer weighs it among the matches or not at all");
    }
}
