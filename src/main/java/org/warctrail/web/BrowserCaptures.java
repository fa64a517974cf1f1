package org.warctrail.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.warctrail.capture.RenderedRecords;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;

/**
 * Which captures of a URL were made through a browser: those with a screenshot ({@code urn:screenshot:URL}) at
 * their timestamp, which the timeline marks and the snapshot banner links to (its payload, from {@code id_}).
 */
final class BrowserCaptures {
    private BrowserCaptures() {
    }

    /** The screenshots of a URL's browser captures: the link to each, by the page capture's timestamp. */
    static Map<String, String> screenshots(CaptureLookup index, String url) {
        String shot = RenderedRecords.SCREENSHOT_PREFIX + url;
        Map<String, String> hrefs = new LinkedHashMap<>();
        for (CaptureRow row : index.captures(shot)) {
            if (row.url().equals(shot)) hrefs.put(row.timestamp(), ArchiveUrls.replay(row.timestamp(), ReplayMode.ORIGINAL, shot));
        }
        return hrefs;
    }

    /** The screenshot taken when a page was captured, or null when it was not captured through a browser. */
    static String screenshotHref(CaptureLookup index, CaptureRow page) {
        return screenshots(index, page.url()).get(page.timestamp());
    }
}
