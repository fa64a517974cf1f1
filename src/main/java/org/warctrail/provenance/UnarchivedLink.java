package org.warctrail.provenance;

/** A link near the quote in the origin whose target the store does not hold: a possible earlier source. */
public record UnarchivedLink(String url, String text) {
}
