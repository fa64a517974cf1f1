package org.warctrail.web;

import java.util.List;

/** A URL's captures, oldest first. */
public record TimelineView(String url, List<CaptureEntry> captures, String latestHref, String timemapHref,
                           String cdxHref) {
}
