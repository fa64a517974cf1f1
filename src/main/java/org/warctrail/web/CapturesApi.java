package org.warctrail.web;

import io.javalin.http.Context;
import java.util.List;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;

/** {@code GET /api/captures?url=}: every capture (version) of a URL, oldest first. */
public final class CapturesApi {
    private final CaptureLookup index;

    public CapturesApi(CaptureLookup index) {
        this.index = index;
    }

    /** @param captures oldest first */
    public record Versions(String url, List<Version> captures) {
    }

    /** One capture of the URL; {@code digest} is the payload's base32 SHA-1, {@code revisit} an unchanged payload. */
    public record Version(String url, String timestamp, int status, String type, String digest, boolean revisit) {
        static Version of(CaptureRow r) {
            return new Version(r.url(), r.timestamp(), r.status(), r.mime(), r.digest(), "revisit".equals(r.recordType()));
        }
    }

    public void handle(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        if (url == null) throw new IllegalArgumentException("give the URL: /api/captures?url=...");
        url = ArchivePath.target(url, null);
        List<CaptureRow> rows = index.captures(url);
        Json.send(ctx, rows.isEmpty() ? 404 : 200, new Versions(url, rows.stream().map(Version::of).toList()));
    }
}
