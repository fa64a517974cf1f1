package org.warctrail.web;

import org.warctrail.index.UrlSummary;

/** An archived URL in the home page's listing. */
public record UrlEntry(String url, String title, int captures, String first, String last, String lastStatus,
                       String lastMime, String timelineHref, String latestHref) {

    public static UrlEntry of(UrlSummary s) {
        return new UrlEntry(s.url(), s.title() == null || s.title().isBlank() ? null : s.title(), s.captures(),
                CaptureTime.display(s.firstTimestamp()), CaptureTime.display(s.lastTimestamp()),
                s.lastStatus() == 0 ? "-" : Integer.toString(s.lastStatus()),
                s.lastMime() == null ? "-" : s.lastMime(), ArchiveUrls.timeline(s.url()),
                ArchiveUrls.replay(s.lastTimestamp(), ReplayMode.FRAME, s.url()));
    }
}
