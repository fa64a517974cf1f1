package org.warctrail.provenance;

import java.util.List;

/** Full-text lookup for quote tracing; the index implements it with FTS5. */
interface QuoteCandidates {
    /**
     * Captured documents likely to contain a quote, given its normalised words ({@link MatchText}): those holding
     * most of its rarest words (not necessarily all, as the quote may have a changed word), best first, at most
     * {@code limit}. The tracer verifies each by alignment, so a few wrong candidates cost little.
     */
    List<QuoteCandidate> find(List<String> words, int limit);
}
