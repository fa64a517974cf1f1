package org.warctrail.index;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total             the matching URLs, counted up to {@link DocumentSearch#COUNT_CAP}
 * @param totalIsLowerBound true when there are more than {@code total} (the count stopped at the cap)
 */
public record SearchResult(String query, long total, boolean totalIsLowerBound, List<SearchHit> results) {
}
