package org.warctrail.provenance;

/**
 * The match a quote is traced to.
 *
 * @param reason {@value #CHAIN} (the other matches lead to it through links, redirects or reuse),
 *               {@value #EARLIEST_PUBLISHED} or {@value #EARLIEST_CAPTURED}
 */
public record TraceOrigin(String url, String timestamp, String reason) {
    public static final String CHAIN = "chain";
    public static final String EARLIEST_PUBLISHED = "earliest_published";
    public static final String EARLIEST_CAPTURED = "earliest_captured";
}
