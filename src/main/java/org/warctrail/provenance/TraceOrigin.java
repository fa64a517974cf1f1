package org.warctrail.provenance;

/**
 * The match a quote is traced to.
 *
 * @param reason the rule that decided: {@value #LINKS} (the other matches lead to it through continuation,
 *               citation, attribution, syndication or canonical links and redirects), else
 *               {@value #EARLIEST_PUBLISHED}, else {@value #EARLIEST_CAPTURED}
 */
public record TraceOrigin(String url, String timestamp, String reason) {
    public static final String LINKS = "links";
    public static final String EARLIEST_PUBLISHED = "earliest_published";
    public static final String EARLIEST_CAPTURED = "earliest_captured";
}
