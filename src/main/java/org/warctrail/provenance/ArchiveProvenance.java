package org.warctrail.provenance;

import org.warctrail.index.CaptureIndex;
import org.warctrail.index.ProvenanceQueries;
import org.warctrail.index.ReuseTables;

/**
 * Provenance over an archive's index: what the {@code chain} and {@code trace} commands and the web API call.
 * A read: it never writes to the index. Reuse is what derivation stored; documents still pending have none yet.
 */
public final class ArchiveProvenance {
    private final ProvenanceGraph graph;
    private final QuoteCandidates quotes;

    public ArchiveProvenance(CaptureIndex index) {
        ProvenanceQueries queries = new ProvenanceQueries(index);
        this.graph = new IndexedProvenanceGraph(queries, new ReuseTables(index));
        this.quotes = new IndexedQuoteCandidates(queries);
    }

    public ProvenanceGraph graph() {
        return graph;
    }

    public QuoteCandidates quoteCandidates() {
        return quotes;
    }

    /**
     * The provenance chain of a URL from its latest capture, {@code depth} hops (redirects free), each edge that
     * ties the page to a source by its words with the discrepancies between them.
     */
    public Chain chain(String url, int depth) {
        return new DiscrepancyFinder(graph).annotate(new ChainWalker(graph).walk(url, depth));
    }

    /**
     * The chain read at a time: each URL at its capture nearest to {@code timestamp} (14 digits), null for the
     * root's latest capture; the discrepancies of each page's text as it was then against every version of its
     * sources.
     */
    public Chain chain(String url, String timestamp, int depth) {
        return new DiscrepancyFinder(graph).annotate(new ChainWalker(graph).walk(url, timestamp, depth, true),
                timestamp);
    }

    public Trace trace(String quote) {
        return new QuoteTracer(quotes, graph).trace(quote);
    }
}
