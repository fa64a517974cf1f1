package org.warctrail.index;

/** An archived URL and its captures at a glance, for listings. Timestamps are 14 digits. */
public record UrlSummary(String url, String surt, int captures, String firstTimestamp, String lastTimestamp,
                         int lastStatus, String lastMime, String title) {
}
