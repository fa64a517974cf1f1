package org.warctrail.capture;

import java.util.List;

/**
 * What a fetch thread hands back to the crawler: a URL's exchange and the links found in it, robots.txt's
 * responses and verdict, or why the fetch failed. Exactly one of {@code exchange}, {@code robots} and
 * {@code error} is set.
 *
 * @param item         the URL taken from the frontier
 * @param endNanos     {@link System#nanoTime()} when the host's connection was done with: its pause starts there
 * @param exchange     the response, or null
 * @param document     whether the response holds a document (HTML or PDF) rather than a resource
 * @param links        the links found in its payload, or null when none were looked for
 * @param linkFailure  why links could not be found in a payload that should have had them, or null
 * @param robots       robots.txt's responses and verdict, for a robots fetch; else null
 * @param error        what the fetch failed with (an Error stops the crawl), or null
 */
record Fetched(CrawlUrl item, long endNanos, Exchange exchange, boolean document, List<DiscoveredLink> links,
               String linkFailure, RobotsFetch.Result robots, Throwable error) {

    static Fetched failed(CrawlUrl item, Throwable error) {
        return new Fetched(item, System.nanoTime(), null, false, null, null, null, error);
    }

    static Fetched robots(CrawlUrl item, RobotsFetch.Result robots) {
        return new Fetched(item, System.nanoTime(), null, false, null, null, robots, null);
    }

    /** The responses received, to close when the crawl stops before recording them. */
    List<Exchange> exchanges() {
        if (exchange != null) {
            return List.of(exchange);
        }
        return robots != null ? robots.exchanges() : List.of();
    }
}
