package org.warctrail.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.versions.Version;
import org.warctrail.versions.VersionDiff;
import org.warctrail.versions.VersionDiffer;

/**
 * {@code GET /diff?url=&from=&to=}: what changed between two captures of a URL (by default the last two; a
 * timestamp picks the nearest capture), side by side, inline or changes only; and its twin {@code GET /api/diff},
 * the document {@code diff --json} prints.
 */
public final class DiffPage {
    private final CaptureLookup index;
    private final ArchivedVersions versions;
    private final VersionDiffer differ = new VersionDiffer();
    private final Pages pages;

    public DiffPage(CaptureLookup index, ArchivedVersions versions, Pages pages) {
        this.index = index;
        this.versions = versions;
        this.pages = pages;
    }

    /** The two captures compared, or null when the URL has fewer than two. */
    private record Pair(String url, CaptureRow from, CaptureRow to, List<CaptureRow> all) {
    }

    private Pair pick(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        if (url == null) throw new IllegalArgumentException("give the URL: ?url=...");
        url = ArchivePath.target(url, null);
        List<CaptureRow> all = index.captures(url);
        if (all.size() < 2) return new Pair(url, null, all.isEmpty() ? null : all.get(0), all);
        String toTs = timestamp(ctx, "to");
        CaptureRow to = toTs == null ? all.get(all.size() - 1) : CaptureChoice.nearest(all, toTs);
        String fromTs = timestamp(ctx, "from");
        CaptureRow from;
        if (fromTs != null) {
            from = CaptureChoice.nearest(all, fromTs);
        } else {
            int at = all.indexOf(to);
            from = all.get(at > 0 ? at - 1 : 1);
            if (at == 0) {
                CaptureRow swap = from;
                from = to;
                to = swap;
            }
        }
        return new Pair(url, from, to, all);
    }

    private static String timestamp(Context ctx, String name) {
        String v = SearchPage.param(ctx, name);
        if (v == null) return null;
        String digits = v.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 14) throw new IllegalArgumentException(name + " must be a timestamp (1 to 14 digits): " + v);
        return digits;
    }

    public void api(Context ctx) throws IOException {
        Pair p = pick(ctx);
        if (p.from() == null) {
            Json.send(ctx, 404, java.util.Map.of("error", p.url() + " has " + p.all().size() + " capture(s); a diff needs two"));
            return;
        }
        Json.send(ctx, 200, differ.diff(versions.read(p.from()), versions.read(p.to())));
    }

    public void page(Context ctx) throws IOException {
        Pair p = pick(ctx);
        if (p.all().isEmpty()) {
            pages.notArchived(ctx, p.url());
            return;
        }
        if (p.from() == null) {
            pages.notFound(ctx, p.url() + " has one capture only: there is nothing to compare yet.");
            return;
        }
        Version from = versions.read(p.from());
        Version to = versions.read(p.to());
        VersionDiff diff = differ.diff(from, to);
        List<DiffRows.Row> rows = DiffRows.of(
                from.document() == null ? List.of() : from.document().paragraphs(),
                to.document() == null ? List.of() : to.document().paragraphs(), diff.paragraphs());
        String encoded = ArchiveUrls.encode(p.url());
        pages.render(ctx, 200, "diff", new DiffView(p.url(), CaptureEntry.of(p.from()), CaptureEntry.of(p.to()), diff,
                rows, p.all().stream().map(CaptureEntry::of).toList(),
                "/api/diff?url=" + encoded + "&from=" + p.from().timestamp() + "&to=" + p.to().timestamp(),
                ArchiveUrls.timeline(p.url())));
    }
}
