package org.warctrail.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.versions.ChangeFlags;

/** {@code GET /api/captures?url=}: every capture (version) of a URL, oldest first, with what changed at each. */
final class CapturesApi {
    private final CaptureLookup index;
    private final ChangeMarkers changes;

    public CapturesApi(CaptureLookup index, ChangeMarkers changes) {
        this.index = index;
        this.changes = changes;
    }

    /** @param captures oldest first */
    public record Versions(String url, List<Version> captures) {
    }

    /**
     * One capture of the URL; {@code digest} is the payload's base32 SHA-1, {@code revisit} an unchanged payload;
     * {@code changed}, {@code kind} and {@code summary} compare it with the version before it (null when not compared).
     */
    public record Version(String url, String timestamp, int status, String type, String digest, boolean revisit,
                          Boolean changed, String kind, String summary) {
        static Version of(CaptureRow r, ChangeFlags f) {
            return new Version(r.url(), r.timestamp(), r.status(), r.mime(), r.digest(), r.revisit(),
                    f == null ? null : f.changed(), f == null ? null : f.kind().label(), f == null ? null : f.summary());
        }
    }

    public void handle(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        if (url == null) throw new IllegalArgumentException("give the URL: /api/captures?url=...");
        url = ArchivePath.target(url, null);
        List<CaptureRow> rows = index.captures(url);
        Map<String, ChangeFlags> flags = changes.of(rows);
        Json.send(ctx, rows.isEmpty() ? 404 : 200, new Versions(url,
                rows.stream().map(r -> Version.of(r, flags.get(r.timestamp()))).toList()));
    }
}
