package org.warctrail.web;

import org.warctrail.index.CaptureRow;

/** A capture as the pages show it: when, what came back, and where to see it. */
public record CaptureEntry(String timestamp, String date, int status, String mime, boolean revisit,
                           boolean redirect, String redirectTo, String snapshotHref, String rawHref,
                           String recordHref) {

    public static CaptureEntry of(CaptureRow row) {
        String url = row.url();
        return new CaptureEntry(row.timestamp(), CaptureTime.display(row.timestamp()), row.status(),
                row.mime() == null || row.mime().isEmpty() ? "-" : row.mime(), row.revisit(),
                row.status() >= 300 && row.status() < 400, row.redirect(),
                ArchiveUrls.replay(row.timestamp(), ReplayMode.FRAME, url),
                ArchiveUrls.replay(row.timestamp(), ReplayMode.ORIGINAL, url),
                "/record?url=" + ArchiveUrls.encode(url) + "&timestamp=" + row.timestamp());
    }

    /** "200", or "-" for records without an HTTP status. */
    public String statusText() {
        return status == 0 ? "-" : Integer.toString(status);
    }
}
