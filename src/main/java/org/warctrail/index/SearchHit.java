package org.warctrail.index;

/**
 * A search result: the newest matching capture of a URL.
 *
 * @param snippet the best passage, HTML-escaped, with the matched words in {@code <b>...</b>}
 * @param score   relevance, higher is better (FTS5 bm25, negated)
 */
public record SearchHit(String url, String timestamp, String title, String snippet, double score) {
}
