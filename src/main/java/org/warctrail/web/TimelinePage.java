package org.warctrail.web;

import io.javalin.http.Context;
import java.util.List;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;

/** {@code GET /timeline?url=}: every capture of a URL, oldest first, each linking to its snapshot. */
public final class TimelinePage {
    private final CaptureLookup index;
    private final Pages pages;

    public TimelinePage(CaptureLookup index, Pages pages) {
        this.index = index;
        this.pages = pages;
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
        pages.render(ctx, 200, "timeline", new TimelineView(url, rows.stream().map(CaptureEntry::of).toList(),
                ArchiveUrls.replay(latest.timestamp(), ReplayMode.FRAME, latest.url()),
                "/web/timemap/link/" + url, "/cdx?url=" + ArchiveUrls.encode(url) + "&output=json"));
    }
}
