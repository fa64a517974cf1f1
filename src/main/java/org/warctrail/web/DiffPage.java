package org.warctrail.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.warctrail.extract.Document;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.StoredDocuments;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.versions.VersionDiff;

/**
 * {@code GET /diff?url=&from=&to=}: what changed between two captures of a URL (by default the two latest that
 * did not fail; a timestamp picks the nearest capture), side by side, inline or changes only; and its twin
 * {@code GET /api/diff}, the document {@code diff --json} prints (the same {@link ArchivedVersions#diff} call).
 */
final class DiffPage {
    private final CaptureLookup index;
    private final ArchivedVersions versions;
    private final StoredDocuments documents;
    private final Pages pages;

    public DiffPage(CaptureLookup index, ArchivedVersions versions, StoredDocuments documents, Pages pages) {
        this.index = index;
        this.versions = versions;
        this.documents = documents;
        this.pages = pages;
    }

    private static String url(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        if (url == null) throw new IllegalArgumentException("give the URL: ?url=...");
        return ArchivePath.target(url, null);
    }

    public void api(Context ctx) {
        String url = url(ctx);
        List<CaptureRow> all = index.captures(url);
        if (all.size() < 2) {
            Json.send(ctx, 404, Map.of("error", url + " has " + all.size() + " capture(s); a diff needs two"));
            return;
        }
        Json.send(ctx, 200, versions.diff(url, SearchPage.param(ctx, "from"), SearchPage.param(ctx, "to")));
    }

    public void page(Context ctx) {
        String url = url(ctx);
        List<CaptureRow> all = index.captures(url);
        if (all.isEmpty()) {
            pages.notArchived(ctx, url);
            return;
        }
        if (all.size() < 2) {
            pages.notFound(ctx, url + " has one capture only: there is nothing to compare yet.");
            return;
        }
        VersionDiff diff = versions.diff(url, SearchPage.param(ctx, "from"), SearchPage.param(ctx, "to"));
        CaptureRow from = row(all, diff.from().timestamp());
        CaptureRow to = row(all, diff.to().timestamp());
        List<DiffRows.Row> rows = DiffRows.of(paragraphs(from), paragraphs(to), diff.paragraphs());
        String encoded = ArchiveUrls.encode(url);
        Map<String, String> screenshots = BrowserCaptures.screenshots(index, url); // one lookup for both captures
        pages.render(ctx, 200, "diff", new DiffView(url, CaptureEntry.of(from), CaptureEntry.of(to), diff, rows,
                all.stream().map(CaptureEntry::of).toList(),
                "/api/diff?url=" + encoded + "&from=" + from.timestamp() + "&to=" + to.timestamp(),
                ArchiveUrls.timeline(url), screenshots.get(from.timestamp()), screenshots.get(to.timestamp())));
    }

    private static CaptureRow row(List<CaptureRow> all, String timestamp) {
        return all.stream().filter(r -> r.timestamp().equals(timestamp)).reduce((a, b) -> b).orElse(all.get(all.size() - 1));
    }

    private List<String> paragraphs(CaptureRow row) {
        return documents.of(row).map(Document::paragraphs).orElse(List.of());
    }
}
