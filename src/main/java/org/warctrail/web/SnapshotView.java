package org.warctrail.web;

import java.util.List;

/**
 * The framed snapshot page: the banner's facts and links, and the frame's source.
 *
 * @param previous the capture before this one, or null
 * @param next     the capture after this one, or null
 * @param diffHref the diff with the version before, or (for the first) with the one after; null for the only one
 * @param screenshotHref the screenshot a browser capture took of the page, or null
 */
public record SnapshotView(String url, CaptureEntry current, CaptureEntry previous, CaptureEntry next,
                           List<CaptureEntry> versions, String frameSrc, String timelineHref,
                           String provenanceHref, String diffHref, String screenshotHref) {
    /** What the diff link compares. */
    public String diffLabel() {
        return previous != null ? "Diff with previous" : "Diff with next";
    }
}
