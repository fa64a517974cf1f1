package org.warctrail.index;

/**
 * A search result: the newest matching capture of a URL.
 *
 * @param snippet the best passage, HTML-escaped, with the matched words in {@code <b>...</b>}
 * @param score   relevance, higher is better (FTS5 bm25, negated)
 * @param rendered whether the document was extracted from the page as a browser rendered it (a browser capture's
 *                 rendered DOM) rather than from the HTML the server sent
 */
public record SearchHit(String url, String timestamp, String title, String snippet, double score, boolean rendered) {
}
