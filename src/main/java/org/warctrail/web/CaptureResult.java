package org.warctrail.web;

import org.warctrail.capture.CapturedResource;
import org.warctrail.capture.CrawlSummary;

/**
 * The final event of a capture: what the crawl did (as {@code capture --json} reports it) and where to see the
 * seed's capture.
 *
 * @param snapshotHref the seed's snapshot (or the first page captured), null when nothing was captured
 */
record CaptureResult(CaptureReport summary, String snapshotHref, String timelineHref) {

    static CaptureResult of(String seed, CrawlSummary summary) {
        CapturedResource first = summary.captured().stream()
                .filter(c -> c.depth() == 0 && !c.url().endsWith("/robots.txt") && c.status() < 300)
                .findFirst()
                .orElse(summary.captured().stream().filter(c -> !c.url().endsWith("/robots.txt")).findFirst().orElse(null));
        if (first == null) return new CaptureResult(CaptureReport.of(summary), null, ArchiveUrls.timeline(seed));
        return new CaptureResult(CaptureReport.of(summary), ArchiveUrls.replay(first.timestamp(), ReplayMode.FRAME, first.url()),
                ArchiveUrls.timeline(first.url()));
    }
}
