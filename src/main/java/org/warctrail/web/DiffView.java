package org.warctrail.web;

import java.util.List;
import org.warctrail.versions.VersionDiff;

/** The diff page: the two captures, the diff, its rows for the three views, and every capture to pick from. */
public record DiffView(String url, CaptureEntry from, CaptureEntry to, VersionDiff diff, List<DiffRows.Row> rows,
                       List<CaptureEntry> captures, String apiHref, String timelineHref) {

    public long changedRows() {
        return rows.stream().filter(DiffRows.Row::changed).count();
    }
}
