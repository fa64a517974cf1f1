package org.warctrail.web;

import java.util.List;

/**
 * A page of search results.
 *
 * @param query             null before a search is made
 * @param totalIsLowerBound there are more than {@code total} matching URLs (and more than {@code pages} pages)
 */
public record SearchView(String query, String site, String from, String to, long total, boolean totalIsLowerBound,
                         List<Hit> hits, int page, int pages, String previousHref, String nextHref) {

    /** @param snippet HTML-escaped by the index, the matched words in {@code <b>} */
    public record Hit(String url, String title, String snippet, String date, String snapshotHref,
                      String timelineHref, String provenanceHref) {
    }
}
