package org.warctrail.web;

import java.util.List;
import org.warctrail.versions.VersionDiff;

/**
 * The diff page: the two captures, the diff, its rows for the three views, and every capture to pick from; the
 * screenshots of the two captures when they were made through a browser (null otherwise), shown side by side.
 */
public record DiffView(String url, CaptureEntry from, CaptureEntry to, VersionDiff diff, List<DiffRows.Row> rows,
                       List<CaptureEntry> captures, String apiHref, String timelineHref,
                       String fromScreenshot, String toScreenshot) {

    public boolean hasScreenshots() {
        return fromScreenshot != null || toScreenshot != null;
    }

    public long changedRows() {
        return rows.stream().filter(DiffRows.Row::changed).count();
    }
}
