package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each edge of a chain that ties a page to a source by its words (reuse, continuation, citation,
 * attribution, syndication, canonical) the {@link Discrepancies} between the page's latest text and every
 * captured version of the source, so a copy that kept a figure its source later corrected shows the correction
 * and when it was captured. Redirects are followed to the text they lead to.
 */
final class DiscrepancyFinder {
    private static final int MAX_REDIRECTS = 5;

    private final ProvenanceGraph graph;

    DiscrepancyFinder(ProvenanceGraph graph) {
        this.graph = graph;
    }

    Chain annotate(Chain chain) {
        return annotate(chain, null);
    }

    /**
     * @param at the time the chain is read at (14 digits): each page's text is the one it had then (its last
     *           capture at or before it, else its first); null for each page's latest text. The sources' texts are
     *           all their versions, later ones too: a correction after {@code at} is what a reader needs to know.
     */
    Chain annotate(Chain chain, String at) {
        Map<String, List<TextVersion>> texts = new LinkedHashMap<>();
        List<ChainEdge> edges = new ArrayList<>();
        for (ChainEdge edge : chain.edges()) {
            if (!comparesText(edge.kind())) {
                edges.add(edge);
                continue;
            }
            List<TextVersion> here = texts.computeIfAbsent(edge.from(), this::textsThroughRedirects);
            List<TextVersion> there = texts.computeIfAbsent(edge.to(), this::textsThroughRedirects);
            edges.add(here.isEmpty() || there.isEmpty() ? edge
                    : edge.withDiscrepancies(between(textAt(here, at), there)));
        }
        return new Chain(chain.root(), chain.nodes(), edges);
    }

    /** The text of the last version at or before {@code at} (the first when none is), the latest when null. */
    static String textAt(List<TextVersion> versions, String at) {
        TextVersion picked = versions.get(at == null ? versions.size() - 1 : 0);
        if (at != null) {
            for (TextVersion v : versions) {
                if (v.timestamp().compareTo(at) <= 0) picked = v;
            }
        }
        return picked.text();
    }

        /** Each difference once, dated by the first version of the source that says it. */
    static List<Discrepancy> between(String here, List<TextVersion> there) {
        Map<Discrepancy, Discrepancy> found = new LinkedHashMap<>();
        String previous = null;
        for (TextVersion version : there) {
            if (version.text().equals(previous)) continue;
            previous = version.text();
            for (Discrepancy d : Discrepancies.between(here, version.text())) {
                found.putIfAbsent(d, d.at(version.timestamp()));
            }
        }
        return new ArrayList<>(found.values());
    }

    private static boolean comparesText(String kind) {
        return ChainEdge.REUSE.equals(kind) || (EdgeKinds.showsDirection(kind) && !ChainEdge.REDIRECT.equals(kind));
    }

    private List<TextVersion> textsThroughRedirects(String url) {
        String at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            List<TextVersion> texts = graph.texts(at);
            if (!texts.isEmpty()) return texts;
            String next = graph.edges(at, null).stream().filter(e -> ChainEdge.REDIRECT.equals(e.kind()))
                    .map(ChainEdge::to).findFirst().orElse(null);
            if (next == null) return List.of();
            at = next;
        }
        return List.of();
    }
}
