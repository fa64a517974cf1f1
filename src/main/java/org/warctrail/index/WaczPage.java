package org.warctrail.index;

/**
 * A line of a WACZ's {@code pages/pages.jsonl}: an archived page a viewer lists and opens.
 *
 * @param url       the page's URL
 * @param timestamp its capture time, 14 digits (written as ISO 8601 in the file)
 * @param title     its extracted title, or null
 */
public record WaczPage(String url, String timestamp, String title) {
}
