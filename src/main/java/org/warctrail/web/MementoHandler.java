package org.warctrail.web;

import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;

/** Memento (RFC 7089): the TimeGate at {@code /web/{url}} and the TimeMaps under {@code /web/timemap/}. */
final class MementoHandler {
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:\\d{1,5})?|\\[[0-9A-Fa-f:.]+\\](:\\d{1,5})?");

    private final CaptureLookup index;
    private final Pages pages;

    public MementoHandler(CaptureLookup index, Pages pages) {
        this.index = index;
        this.pages = pages;
    }

    /** This server as clients reach it, for absolute Memento links; a malformed Host falls back to the socket. */
    static String origin(Context ctx) {
        String host = ctx.header("Host");
        if (host == null || !HOST.matcher(host).matches()) {
            host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
            if (host.indexOf(':') != host.lastIndexOf(':')) host = "[" + ctx.req().getLocalAddr() + "]:" + ctx.req().getLocalPort();
        }
        return ctx.scheme() + "://" + host;
    }

    /** 302 to the memento nearest Accept-Datetime (the latest when absent). */
    public void timeGate(Context ctx, String url) {
        List<CaptureRow> captures = index.captures(url);
        ctx.header("Vary", "accept-datetime");
        if (captures.isEmpty()) {
            pages.notArchived(ctx, url);
            return;
        }
        String acceptDatetime = ctx.header("Accept-Datetime");
        CaptureRow chosen;
        if (acceptDatetime == null || acceptDatetime.isBlank()) {
            chosen = captures.get(captures.size() - 1);
        } else {
            String wanted;
            try {
                wanted = CaptureTime.fromHttpDate(acceptDatetime);
            } catch (IllegalArgumentException e) {
                ctx.status(400).contentType("text/plain; charset=utf-8").result(e.getMessage() + "\n");
                return;
            }
            chosen = CaptureChoice.nearest(captures, wanted);
        }
        Mementos mementos = new Mementos(origin(ctx), url, captures);
        ctx.header("Link", mementos.timeGateLinkHeader());
        ctx.status(302);
        ctx.header("Location", mementos.mementoUri(chosen.timestamp()));
    }

    /** The TimeMap, in link format or as JSON. */
    public void timeMap(Context ctx, String url, boolean json) throws IOException {
        List<CaptureRow> captures = index.captures(url);
        if (captures.isEmpty()) {
            pages.notArchived(ctx, url);
            return;
        }
        Mementos mementos = new Mementos(origin(ctx), url, captures);
        ctx.contentType(json ? "application/json; charset=utf-8" : "application/link-format; charset=utf-8");
        if (ctx.method().name().equals("HEAD")) return;
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        if (json) mementos.writeJson(out);
        else mementos.writeLinkFormat(out);
        out.flush();
    }
}
