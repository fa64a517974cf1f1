package org.warctrail.web;

import java.util.List;

/**
 * The framed snapshot page: the banner's facts and links, and the frame's source.
 *
 * @param previous the capture before this one, or null
 * @param next     the capture after this one, or null
 */
public record SnapshotView(String url, CaptureEntry current, CaptureEntry previous, CaptureEntry next,
                           List<CaptureEntry> versions, String frameSrc, String timelineHref,
                           String provenanceHref, String diffHref) {
}
