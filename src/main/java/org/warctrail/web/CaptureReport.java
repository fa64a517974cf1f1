package org.warctrail.web;

import java.util.List;
import org.warctrail.capture.CaptureFailure;
import org.warctrail.capture.CrawlSummary;

/** What a capture did, field for field the document {@code capture --json} prints. */
record CaptureReport(List<Item> captured, int pages, int resources, long bytes, double seconds, List<CaptureFailure> failures,
                            String stopReason) {

    /** One response or revisit written. */
    public record Item(String url, String timestamp, int status, String type, boolean revisit) {
    }

    public static CaptureReport of(CrawlSummary s) {
        return new CaptureReport(s.captured().stream()
                .map(r -> new Item(r.url(), r.timestamp(), r.status(), r.type(), r.revisit())).toList(),
                s.pages(), s.resources(), s.bytes(), Math.round(s.seconds() * 1000) / 1000.0, s.failures(), s.stopReason());
    }
}
