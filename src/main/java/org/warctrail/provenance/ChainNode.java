package org.warctrail.provenance;

/**
 * A page in a provenance chain. A node that is linked but not archived ({@code archived} false, the other fields
 * null but the URL) is a visible gap: never tried when {@code lastStatus} is null, dead when its captures all
 * failed (404, 410, 5xx), with the status and time of the latest.
 *
 * @param site         the site name the page gives, else its host
 * @param published    ISO 8601, or null
 * @param firstCapture 14-digit timestamp of the first capture that preserved the page (status below 400), or null
 * @param lastCapture  14-digit timestamp of the last such capture, or null
 * @param lastStatus   the HTTP status of the URL's latest capture whatever it was (404, 301, 200...), or null when
 *                     the store holds no capture of it
 * @param lastAttempt  the 14-digit timestamp of that latest capture, or null
 */
public record ChainNode(String url, String title, String site, String published, boolean archived,
                        String firstCapture, String lastCapture, Integer lastStatus, String lastAttempt) {
    /** A node whose latest capture's status is not known. */
    public ChainNode(String url, String title, String site, String published, boolean archived, String firstCapture,
                     String lastCapture) {
        this(url, title, site, published, archived, firstCapture, lastCapture, null, null);
    }

    /** A URL the store holds no capture of. */
    public static ChainNode unarchived(String url) {
        return new ChainNode(url, null, UrlKey.site(url), null, false, null, null, null, null);
    }

    /** A URL the store holds only failed captures of (the latest answered {@code status} at {@code timestamp}). */
    public static ChainNode failed(String url, int status, String timestamp) {
        return new ChainNode(url, null, UrlKey.site(url), null, false, null, null, status, timestamp);
    }

    /** Whether the URL was captured but every capture failed (4xx, 5xx): tried, and not preserved. */
    public boolean dead() {
        return !archived && lastStatus != null;
    }
}
