package org.warctrail.versions;

/**
 * A link added or removed between two versions.
 *
 * @param kind  the link kind label (citation, advert, navigation...)
 * @param place where on the page it stands (main, sidebar...)
 */
public record ChangedLink(String url, String text, String kind, String place) {
}
