package org.warctrail.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.store.StoredRecord;
import org.warctrail.store.WarcStore;

/**
 * {@code GET /record?url=&timestamp=}: the WARC and HTTP headers of a capture, as plain text. The record is
 * found through the index by URL and time, so no file name or offset ever comes from the request.
 */
final class RecordPage {
    private final WarcStore store;
    private final CaptureLookup index;
    private final Pages pages;

    public RecordPage(WarcStore store, CaptureLookup index, Pages pages) {
        this.store = store;
        this.index = index;
        this.pages = pages;
    }

    public void handle(Context ctx) throws IOException {
        String url = ctx.queryParam("url");
        String timestamp = ctx.queryParam("timestamp");
        if (url == null || timestamp == null || timestamp.length() != 14 || !CaptureTime.isTimestamp(timestamp)) {
            throw new IllegalArgumentException("/record needs url= and a 14-digit timestamp=");
        }
        url = ArchivePath.target(url.strip(), null);
        List<CaptureRow> rows = index.captures(url).stream().filter(r -> r.timestamp().equals(timestamp)).toList();
        if (rows.isEmpty()) {
            pages.notFound(ctx, "No capture of " + url + " at " + timestamp + ".");
            return;
        }
        StringBuilder text = new StringBuilder();
        for (CaptureRow row : rows) {
            text.append("# ").append(row.file()).append(" offset ").append(row.offset()).append(" length ")
                    .append(row.length()).append("\n");
            try (StoredRecord stored = store.read(row.file(), row.offset())) {
                WarcRecord record = stored.record();
                text.append(new String(record.serializeHeader(), StandardCharsets.UTF_8));
                if (record instanceof WarcResponse response) {
                    text.append(new String(response.http().serializeHeader(), StandardCharsets.ISO_8859_1));
                } else if (record instanceof WarcRevisit revisit) {
                    appendRevisitHttp(text, revisit);
                    index.resolveRevisit(row).filter(o -> o != row && !o.revisit())
                            .ifPresent(o -> text.append("# payload from ").append(o.url()).append(" at ")
                                    .append(o.timestamp()).append(": ").append(o.file()).append(" offset ")
                                    .append(o.offset()).append("\n"));
                }
            }
            text.append("\n");
        }
        ctx.header("Content-Security-Policy", "sandbox; default-src 'none'");
        ctx.contentType("text/plain; charset=utf-8");
        ctx.result(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void appendRevisitHttp(StringBuilder text, WarcRevisit revisit) {
        try {
            text.append(new String(revisit.http().serializeHeader(), StandardCharsets.ISO_8859_1));
        } catch (IOException | RuntimeException e) {
            text.append("# (no HTTP headers in this revisit)\n");
        }
    }
}
