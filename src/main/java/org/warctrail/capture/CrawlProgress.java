package org.warctrail.capture;

/**
 * A snapshot of a running crawl, for a progress line or a server-sent event.
 *
 * @param pages         documents fetched so far (HTML or PDF, not requisites)
 * @param resources     other responses so far (requisites, robots.txt, redirects, errors)
 * @param bytes         bytes received so far
 * @param fetchesPerSecond responses (pages and resources) per second since the start
 * @param bytesPerSecond transfer rate since the start
 * @param queued        URLs waiting in the frontier
 * @param failures      URLs that failed so far
 * @param seconds       time since the start
 */
public record CrawlProgress(int pages, int resources, long bytes, double fetchesPerSecond, double bytesPerSecond, int queued,
                            int failures, double seconds) {
}
