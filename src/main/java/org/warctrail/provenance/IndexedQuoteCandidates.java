package org.warctrail.provenance;

import java.util.List;
import org.warctrail.index.ProvenanceQueries;

/** {@link QuoteCandidates} over the index's full-text search (FTS5, by the quote's rarest words). */
final class IndexedQuoteCandidates implements QuoteCandidates {
    private final ProvenanceQueries queries;

    public IndexedQuoteCandidates(ProvenanceQueries queries) {
        this.queries = queries;
    }

    @Override
    public List<QuoteCandidate> find(List<String> words, int limit) {
        return queries.quoteCandidates(words, limit).stream()
                .map(d -> new QuoteCandidate(d.url(), d.timestamp(), d.published(), d.title(), d.text(), d.quotes()))
                .toList();
    }
}
