package org.warctrail.index;

/**
 * What the index knows of a URL (SURT match) for a provenance graph. {@code archived} is true when it holds a
 * capture of it with a status below 400 (a failed fetch is not a preserved source).
 *
 * @param url       the URL as last captured, or as asked when not archived
 * @param siteName  the site name the latest document gives, or null
 * @param published ISO 8601, or null
 */
public record UrlNode(String url, String title, String siteName, String published, boolean archived,
                      String firstCapture, String lastCapture) {
}
