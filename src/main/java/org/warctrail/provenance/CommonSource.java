package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkPlace;

/**
 * Finds the source the pages carrying a quote cite next to it when the archive does not preserve it: four
 * outlets printing a patient's words, each linking the case report they took them from, trace to one of the
 * outlets unless the report is named.
 *
 * <p>A link counts when it stands in the page's text (the extractor placed it in the main text or a caption, not
 * in a menu, sidebar or footer), is of a kind that may name a source (a source link or a plain link), and its
 * sentence lies in the quote's paragraph or the one before or after it.
 */
final class CommonSource {
    /**
     * Paragraphs either side of the quote's where a citing link may stand: outlets put the link in the sentence
     * that introduces the quote or the one after it, often a paragraph of its own.
     */
    static final int NEAR_PARAGRAPHS = 1;

    /** A page matching the quote: its capture, text and where the quote stands in it. */
    record Carrier(String url, String timestamp, String text, int start, int end) {
    }

    private record Cited(String url, String text, List<String> pages) {
    }

    private final ProvenanceGraph graph;

    CommonSource(ProvenanceGraph graph) {
        this.graph = graph;
    }

    /**
     * The source most carriers cite next to the quote that is not archived, or empty. The carriers are one per
     * URL, earliest first.
     */
    Optional<LikelyOrigin> find(List<Carrier> carriers) {
        Map<String, Cited> cited = new LinkedHashMap<>();
        for (Carrier c : carriers) {
            for (Link link : graph.links(c.url(), c.timestamp())) {
                if (!inText(link) || !EdgeKinds.mayBeSource(link.kind().label()) || !near(c, link)) continue;
                String key = UrlKey.of(link.url());
                if (key.equals(UrlKey.of(c.url()))) continue;
                Cited entry = cited.computeIfAbsent(key, k -> new Cited(link.url(), link.text(), new ArrayList<>()));
                if (!entry.pages().contains(c.url())) entry.pages().add(c.url());
            }
        }
        int of = carriers.size();
        // Named only when at least two pages and a majority of them cite it: one page's link is that page's say
        // (a background link, a "see also"); two pages citing the same report next to the same words is
        // corroboration, and a majority keeps a source a few cite from outranking what most pages point to.
        return cited.values().stream()
                .filter(e -> e.pages().size() >= 2 && e.pages().size() * 2 > of)
                .sorted((a, b) -> Integer.compare(b.pages().size(), a.pages().size())) // stable: first cited wins ties
                .map(e -> new Candidate(e, graph.node(e.url())))
                .filter(c -> !c.node().archived())
                .findFirst()
                .map(c -> new LikelyOrigin(c.cited().url(), c.cited().text() == null ? "" : c.cited().text().strip(),
                        c.cited().pages().size(), of, c.cited().pages(), c.node().lastStatus(), c.node().lastAttempt()));
    }

    private record Candidate(Cited cited, ChainNode node) {
    }

    /** In the page's own text: the main text or a caption (no place recorded counts, as older indexes have none). */
    private static boolean inText(Link link) {
        return link.place() == null || link.place() == LinkPlace.MAIN || link.place() == LinkPlace.CAPTION;
    }

    /** Whether the link's sentence (or, failing that, its anchor text) stands within a paragraph of the quote. */
    static boolean near(Carrier c, Link link) {
        int first = paragraph(c.text(), c.start());
        int last = paragraph(c.text(), Math.max(c.start(), c.end() - 1));
        for (String probe : new String[] {link.context(), link.text()}) {
            if (probe == null || probe.isBlank()) continue;
            String p = probe.strip();
            for (int at = c.text().indexOf(p); at >= 0; at = c.text().indexOf(p, at + 1)) {
                int from = paragraph(c.text(), at);
                int to = paragraph(c.text(), at + p.length() - 1);
                if (to >= first - NEAR_PARAGRAPHS && from <= last + NEAR_PARAGRAPHS) return true;
            }
        }
        return false;
    }

    /** The index of the paragraph (blank-line separated, as documents store their text) holding an offset. */
    private static int paragraph(String text, int offset) {
        int n = 0;
        for (int at = text.indexOf("\n\n"); at >= 0 && at < offset; at = text.indexOf("\n\n", at + 2)) n++;
        return n;
    }
}
