package org.warctrail.capture;

import java.util.List;

/**
 * What a crawl did.
 *
 * @param captured every response and revisit written, robots.txt fetches included, in capture order
 * @param pages    documents fetched successfully as HTML or PDF (not as requisites): what {@code --max-pages} counts
 * @param resources every other response written: requisites, robots.txt, redirects and error responses
 * @param bytes    bytes received in all responses
 * @param seconds  wall-clock duration of the run
 * @param failures URLs not captured, with the reason
 * @param stopReason why the crawl ended before its frontier was empty (page, byte or time limit, cancel), or null
 * @param connections TCP connections opened (to servers, or to the proxy), fewer than responses when reused
 */
public record CrawlSummary(List<CapturedResource> captured, int pages, int resources, long bytes, double seconds,
                           List<CaptureFailure> failures, String stopReason, int connections) {
    public CrawlSummary {
        captured = List.copyOf(captured);
        failures = List.copyOf(failures);
    }
}
