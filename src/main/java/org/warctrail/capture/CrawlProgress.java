package org.warctrail.capture;

/**
 * A snapshot of a running crawl, for a progress line or a server-sent event.
 *
 * @param pages         resources fetched so far
 * @param bytes         bytes received so far
 * @param pagesPerSecond fetch rate since the start
 * @param bytesPerSecond transfer rate since the start
 * @param queued        URLs waiting in the frontier
 * @param failures      URLs that failed so far
 * @param seconds       time since the start
 */
public record CrawlProgress(int pages, long bytes, double pagesPerSecond, double bytesPerSecond, int queued,
                            int failures, double seconds) {
}
