package org.warctrail.web;

import java.util.List;
import java.util.Map;

/**
 * A URL's captures, oldest first, with what changed at each (by timestamp; absent when not compared).
 *
 * @param tokenRequired whether the "watch this page" form must carry the server's token
 * @param screenshots   the screenshot of each capture made through a browser, by timestamp
 */
public record TimelineView(String url, List<CaptureEntry> captures, Map<String, Marker> markers, String latestHref,
                           String timemapHref, String cdxHref, boolean tokenRequired, Map<String, String> screenshots) {

    /**
     * @param kind     first, identical, article-unchanged, minor, substantive, status, redirect or failed
     * @param diffHref the diff against the version compared with, null for the first
     */
    public record Marker(String kind, boolean changed, String summary, String diffHref) {
    }
}
