package org.warctrail.capture;

import java.net.URI;
import java.util.List;

/**
 * Finds the links of a fetched payload (HTML or CSS). Implemented by the extract stage, which owns HTML
 * parsing; the crawler only decides which of them to follow.
 */
public interface LinkFinder {
    /**
     * @param base        the URL the payload was fetched from (after redirects)
     * @param contentType the Content-Type header value, may be null
     * @param payload     the decoded payload (transfer and content encodings removed)
     */
    List<DiscoveredLink> find(URI base, String contentType, byte[] payload);

    /**
     * As {@link #find(URI, String, byte[])}, when the crawl does not tell sources from other links (it follows all,
     * or all on the seed's host): hyperlinks may then all be {@link LinkRole#OTHER}, found without the analysis
     * that tells them apart; requisites are still {@link LinkRole#REQUISITE}.
     */
    default List<DiscoveredLink> findWithoutRoles(URI base, String contentType, byte[] payload) {
        return find(base, contentType, payload);
    }
}
