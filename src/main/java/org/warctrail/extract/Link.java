package org.warctrail.extract;

/**
 * An outlink of a document.
 *
 * @param url     absolute URL
 * @param text    anchor text (alt text for an image link), may be empty
 * @param context the sentence around the link, may be empty
 */
public record Link(String url, String text, String context, LinkKind kind, LinkPlace place) {
}
