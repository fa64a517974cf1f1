package org.warctrail.provenance;

import java.util.List;

/**
 * A source the pages carrying a quote cite next to it that the archive does not preserve: where the quote most
 * likely comes from. Named only when at least two pages and a majority of them cite it ({@link CommonSource}).
 *
 * @param url         the cited URL, as the first citing page links it
 * @param text        that link's anchor text, may be empty
 * @param citedBy     how many of the matching pages cite it next to the quote
 * @param of          how many pages match the quote (one per URL)
 * @param pages       the citing pages' URLs, earliest first
 * @param lastStatus  the HTTP status it answered when last captured (404, 410, 5xx), or null when never tried
 * @param lastAttempt the 14-digit timestamp of that capture, or null
 */
public record LikelyOrigin(String url, String text, int citedBy, int of, List<String> pages, Integer lastStatus,
                           String lastAttempt) {
    public LikelyOrigin {
        pages = List.copyOf(pages);
    }

    /** Whether it was captured and answered with an error: tried, and not preserved. */
    public boolean dead() {
        return lastStatus != null;
    }
}
