package org.warctrail.provenance;

/**
 * A page in a provenance chain. A node that is linked but not archived ({@code archived} false, the other fields
 * null but the URL) is a visible gap.
 *
 * @param site         the site name the page gives, else its host
 * @param published    ISO 8601, or null
 * @param firstCapture 14-digit timestamp, or null
 * @param lastCapture  14-digit timestamp, or null
 */
public record ChainNode(String url, String title, String site, String published, boolean archived,
                        String firstCapture, String lastCapture) {
    /** A URL the store holds no capture of. */
    public static ChainNode unarchived(String url) {
        return new ChainNode(url, null, UrlKey.site(url), null, false, null, null);
    }
}
