package org.warctrail.index;

/**
 * What the index knows of a URL (SURT match) for a provenance graph. {@code archived} is true when it holds a
 * capture of it with a status below 400 (a failed fetch is not a preserved source).
 *
 * @param url       the URL as last captured, or as asked when not archived
 * @param siteName  the site name the latest document gives, or null
 * @param published ISO 8601, or null
 * @param lastStatus  the HTTP status of the URL's latest capture whatever it was (a 404 too), or null when never
 *                    captured: with {@code archived} false it tells a dead source from one never tried
 * @param lastAttempt the 14-digit timestamp of that capture, or null
 */
public record UrlNode(String url, String title, String siteName, String published, boolean archived,
                      String firstCapture, String lastCapture, Integer lastStatus, String lastAttempt) {
}
