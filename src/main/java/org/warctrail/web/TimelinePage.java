package org.warctrail.web;

import io.javalin.http.Context;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.versions.ChangeKind;

/**
 * {@code GET /timeline?url=}: every capture of a URL, oldest first, each linking to its snapshot and, with change
 * markers, to the diff against the version before it.
 */
final class TimelinePage {
    private final CaptureLookup index;
    private final Pages pages;
    private final ChangeMarkers changes;
    private final boolean tokenRequired;

    public TimelinePage(CaptureLookup index, Pages pages) {
        this(index, pages, ChangeMarkers.NONE, false);
    }

    /** @param tokenRequired whether write forms (watch this page) must carry the server's token */
    public TimelinePage(CaptureLookup index, Pages pages, ChangeMarkers changes, boolean tokenRequired) {
        this.index = index;
        this.pages = pages;
        this.changes = changes;
        this.tokenRequired = tokenRequired;
    }

    public void handle(Context ctx) {
        String url = ctx.queryParam("url");
        if (url == null || url.isBlank()) {
            ctx.redirect("/");
            return;
        }
        url = ArchivePath.target(url.strip(), null);
        List<CaptureRow> rows = index.captures(url);
        if (rows.isEmpty()) {
            pages.notArchived(ctx, url);
            return;
        }
        CaptureRow latest = rows.get(rows.size() - 1);
        Map<String, TimelineView.Marker> markers = new HashMap<>();
        String encoded = ArchiveUrls.encode(url);
        changes.of(rows).forEach((ts, f) -> markers.put(ts, new TimelineView.Marker(f.kind().label(), f.changed(),
                // a failed capture is no version: nothing to diff it with
                f.summary(), f.previousTimestamp() == null || f.kind() == ChangeKind.FAILED ? null
                : "/diff?url=" + encoded + "&from=" + f.previousTimestamp() + "&to=" + ts)));
        pages.render(ctx, 200, "timeline", new TimelineView(url, rows.stream().map(CaptureEntry::of).toList(), markers,
                ArchiveUrls.replay(latest.timestamp(), ReplayMode.FRAME, latest.url()),
                "/web/timemap/link/" + url, "/cdx?url=" + ArchiveUrls.encode(url) + "&output=json", tokenRequired,
                BrowserCaptures.screenshots(index, url)));
    }
}
