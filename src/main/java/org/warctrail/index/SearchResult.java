package org.warctrail.index;

import java.util.List;

/** One page of search results; {@code total} counts matching URLs. */
public record SearchResult(String query, long total, List<SearchHit> results) {
}
