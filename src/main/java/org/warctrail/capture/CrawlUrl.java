package org.warctrail.capture;

import java.net.URI;
import java.util.List;

/**
 * A URL waiting in the frontier, with how it was reached.
 *
 * @param url           the URL to fetch, without fragment
 * @param depth         link hops from the seed (redirect hops and requisites do not add to it)
 * @param via           the page it was found on or the URL that redirected to it, null for a seed
 * @param seedHost      the host of the seed it descends from, for {@link FollowMode#SAME_HOST}
 * @param requisite     whether it is needed to render a page rather than a page of its own
 * @param requisiteHops requisites followed in a row to reach it (a stylesheet's images are two)
 * @param redirectChain the keys of the URLs that redirected to it, oldest first, for loop detection
 */
record CrawlUrl(URI url, int depth, URI via, String seedHost, boolean requisite, int requisiteHops,
                List<String> redirectChain) {

    static CrawlUrl seed(URI url) {
        return new CrawlUrl(url, 0, null, url.getHost().toLowerCase(java.util.Locale.ROOT), false, 0, List.of());
    }

    String host() {
        return url.getHost().toLowerCase(java.util.Locale.ROOT);
    }
}
