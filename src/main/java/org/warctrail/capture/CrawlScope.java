package org.warctrail.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which URLs a fetched page or a redirect adds to the crawl: the depth, the requisites and how many hops of them,
 * the follow mode, the redirect rules, and the shapes of crawler traps (overlong URLs, repeating path segments).
 */
final class CrawlScope {
    /** Requisites of requisites are followed this many levels (a stylesheet's @import's images are 2). */
    private static final int MAX_REQUISITE_HOPS = 3;
    private static final int MAX_URL_LENGTH = 2048;

    private final CrawlConfig config;

    CrawlScope(CrawlConfig config) {
        this.config = config;
    }

    /** Where a redirect leads: the next URL to fetch, or why it is not followed (and at which URL that failed). */
    record Redirect(CrawlUrl next, URI failedAt, String failure) {
        static Redirect failed(URI at, String why) {
            return new Redirect(null, at, why);
        }
    }

    /** The URLs the links of a fetched page add, in the order found. */
    List<CrawlUrl> fromLinks(CrawlUrl item, List<DiscoveredLink> links) {
        List<CrawlUrl> next = new ArrayList<>();
        for (DiscoveredLink link : links) {
            URI url = link.url();
            if (url == null || !isHttp(url)) continue;
            url = UrlKey.withoutFragment(url);
            if (link.role() == LinkRole.REQUISITE) {
                if (config.requisites() && item.requisiteHops() < MAX_REQUISITE_HOPS) {
                    next.add(new CrawlUrl(url, item.depth(), item.url(), item.seedHost(), true,
                            item.requisiteHops() + 1, List.of()));
                }
            } else if (!item.requisite() && item.depth() < config.depth() && follows(link.role(), url, item.seedHost())) {
                next.add(new CrawlUrl(url, item.depth() + 1, item.url(), item.seedHost(), false, 0, List.of()));
            }
        }
        return next;
    }

    /** Where the redirect of {@code item} to {@code location} leads, within the redirect rules. */
    Redirect fromRedirect(CrawlUrl item, String location) {
        URI target;
        try {
            target = UrlKey.withoutFragment(item.url().resolve(location.trim()));
        } catch (IllegalArgumentException e) {
            return Redirect.failed(item.url(), "redirect to an invalid Location: " + location);
        }
        if (!isHttp(target)) return Redirect.failed(item.url(), "redirect to a non-HTTP URL: " + target);
        String key = UrlKey.of(target);
        List<String> chain = new ArrayList<>(item.redirectChain());
        chain.add(UrlKey.of(item.url()));
        if (chain.contains(key)) {
            return Redirect.failed(target, "redirect loop: " + String.join(" -> ", chain) + " -> " + key);
        }
        if (chain.size() > config.maxRedirects()) {
            return Redirect.failed(target, "more than " + config.maxRedirects() + " redirects from " + chain.get(0));
        }
        return new Redirect(new CrawlUrl(target, item.depth(), item.url(), item.seedHost(), item.requisite(),
                item.requisiteHops(), List.copyOf(chain)), null, null);
    }

    /** False for the shape of a trap (ever-growing relative paths), not of a page. */
    static boolean admissible(CrawlUrl url) {
        return url.url().toString().length() <= MAX_URL_LENGTH && !repeatsPathSegments(url.url().getRawPath());
    }

    private boolean follows(LinkRole role, URI url, String seedHost) {
        return switch (config.follow()) {
            case SOURCES -> role == LinkRole.SOURCE;
            case ALL -> true;
            case SAME_HOST -> url.getHost().equalsIgnoreCase(seedHost);
        };
    }

    static boolean isHttp(URI url) {
        String scheme = url.getScheme();
        return url.getHost() != null && scheme != null
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    /** A path in which one segment occurs more than three times, like /a/b/a/b/a/b/a/. */
    private static boolean repeatsPathSegments(String path) {
        if (path == null) return false;
        Map<String, Integer> counts = new HashMap<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > 3) return true;
        }
        return false;
    }
}
