package org.warctrail.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.internal.StringUtil;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.store.WarcStore;

/**
 * {@code /web/...}: mementos ({@code /web/{ts}/}, {@code mp_}, {@code id_}), and, by delegation, the TimeGate
 * and TimeMaps. A timestamp without an exact capture redirects to the nearest capture; a capture of a redirect
 * replays as a redirect to its archived target, so the reader follows the hop inside the archive.
 */
final class ReplayHandler {
    /**
     * The frame's content: scripts run, but in an opaque origin, and nothing loads from outside the archive.
     * No popups (a popup is a new window the frame's CSP does not cover: it would load the live web), and
     * forms submit only into the archive (form-action does not fall back to default-src).
     */
    public static final String FRAME_CONTENT_CSP = "sandbox allow-scripts allow-forms; "
            + "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; form-action 'self'; webrtc 'block'";
    /**
     * The frame's content on the replay origin ({@link ReplayOrigin}): a real origin of its own, apart from the UI's,
     * so the page's scripts get their storage, same-origin fetch and the Navigation API (replay-urls.js keeps
     * navigations in the archive with it); no workers, which could outlive the page and answer for others.
     */
    public static final String REPLAY_ORIGIN_CSP = "sandbox allow-scripts allow-forms allow-same-origin; "
            + "default-src 'self' 'unsafe-inline' 'unsafe-eval' data: blob:; worker-src 'none'; form-action 'self'; "
            + "webrtc 'block'";
    /** Raw payloads opened directly: no scripts at all, and still nothing from the live web. */
    public static final String RAW_CSP = "sandbox; default-src 'self' 'unsafe-inline' data: blob:";
    /** Decoded bytes a page or stylesheet may have to be rewritten (a zip bomb stops here). */
    static final long MAX_REWRITE_BYTES = 64L << 20;
    private static final Pattern CSS_CHARSET = Pattern.compile("^\\s*@charset\\s+[\"']([A-Za-z0-9._:-]+)[\"']");

    private final WarcStore store;
    private final CaptureLookup index;
    private final Pages pages;
    private final MementoHandler memento;
    private final ReplayOrigin replayOrigin;

    public ReplayHandler(WarcStore store, CaptureLookup index, Pages pages, MementoHandler memento,
                         ReplayOrigin replayOrigin) {
        this.store = store;
        this.index = index;
        this.pages = pages;
        this.memento = memento;
        this.replayOrigin = replayOrigin;
    }

    public void handle(Context ctx) throws IOException {
        String uri = ctx.req().getRequestURI();
        String rest = uri.substring(uri.indexOf("/web/") + 5);
        ArchivePath path = ArchivePath.parse(rest, ctx.queryString());
        if (path.url().equals("http://")) {
            pages.notFound(ctx, "Give a URL after /web/, e.g. /web/https://example.com/");
            return;
        }
        boolean onReplayOrigin = replayOrigin.serves(ctx);
        if (path.kind() == ArchivePath.Kind.MEMENTO && (path.mode() == ReplayMode.REWRITTEN && topLevel(ctx)
                || path.mode() == ReplayMode.FRAME && onReplayOrigin)) {
            // Rewritten content is made for the sandboxed frame. Opened as the top document it would be its own
            // top (free to navigate itself to the live site, to run speculation rules): the snapshot frames it.
            // The snapshot itself is a UI page: never shown on the replay origin.
            String frame = ArchiveUrls.replay(path.timestamp(), ReplayMode.FRAME, path.url());
            ctx.redirect(onReplayOrigin ? replayOrigin.uiOrigin(ctx) + frame : frame);
            return;
        }
        switch (path.kind()) {
            case TIMEGATE -> memento.timeGate(ctx, path.url());
            case TIMEMAP_LINK -> memento.timeMap(ctx, path.url(), false);
            case TIMEMAP_JSON -> memento.timeMap(ctx, path.url(), true);
            case MEMENTO -> replay(ctx, path);
        }
    }

    /** A top-level navigation, as browsers mark it (clients without Fetch Metadata, like curl, get content). */
    private static boolean topLevel(Context ctx) {
        return "document".equalsIgnoreCase(ctx.header("Sec-Fetch-Dest"));
    }

    private void replay(Context ctx, ArchivePath path) throws IOException {
        List<CaptureRow> captures = index.captures(path.url());
        if (captures.isEmpty()) {
            pages.notArchived(ctx, path.url());
            return;
        }
        CaptureRow row = CaptureChoice.exact(captures, path.timestamp(), path.url());
        if (row == null) {
            CaptureRow nearest = CaptureChoice.nearest(captures, path.timestamp());
            ctx.redirect(ArchiveUrls.replay(nearest.timestamp(), path.mode(), path.url()));
            return;
        }
        Mementos mementos = new Mementos(MementoHandler.origin(ctx), path.url(), captures);
        ctx.header("Memento-Datetime", CaptureTime.httpDate(row.timestamp()));
        ctx.header("Link", mementos.linkHeader(row.timestamp()));
        if (path.mode() == ReplayMode.FRAME) {
            frame(ctx, row, captures);
        } else {
            payload(ctx, row, path.mode());
        }
    }

    private void frame(Context ctx, CaptureRow row, List<CaptureRow> captures) throws IOException {
        if (isRedirect(row.status())) {
            String target = redirectTarget(row);
            if (target != null) {
                ctx.redirect(ArchiveUrls.replay(row.timestamp(), ReplayMode.FRAME, target));
                return;
            }
        }
        int at = captures.indexOf(row);
        CaptureEntry current = CaptureEntry.of(row);
        CaptureEntry previous = at > 0 ? CaptureEntry.of(captures.get(at - 1)) : null;
        CaptureEntry next = at + 1 < captures.size() ? CaptureEntry.of(captures.get(at + 1)) : null;
        String encoded = ArchiveUrls.encode(row.url());
        // The first version has nothing before it: it is compared with the next; the only one with nothing.
        String diff = previous != null ? "/diff?url=" + encoded + "&from=" + previous.timestamp() + "&to=" + row.timestamp()
                : next != null ? "/diff?url=" + encoded + "&from=" + row.timestamp() + "&to=" + next.timestamp() : null;
        pages.render(ctx, 200, "snapshot", new SnapshotView(row.url(), current, previous, next,
                captures.stream().map(CaptureEntry::of).toList(),
                replayOrigin.origin(ctx) + ArchiveUrls.replay(row.timestamp(), ReplayMode.REWRITTEN, row.url()),
                ArchiveUrls.timeline(row.url()), "/provenance?url=" + encoded, diff,
                BrowserCaptures.screenshotHref(index, row)));
    }

    private void payload(Context ctx, CaptureRow row, ReplayMode mode) throws IOException {
        try (ArchivedResponse archived = ArchivedResponse.open(store, index, row)) {
            ctx.header("Content-Security-Policy", mode == ReplayMode.ORIGINAL ? RAW_CSP
                    : replayOrigin.serves(ctx) ? REPLAY_ORIGIN_CSP : FRAME_CONTENT_CSP);
            int status = archived.status();
            if (isRedirect(status)) {
                String target = archived.headers().location().map(l -> absolute(row.url(), l)).orElse(null);
                if (row.redirect() != null) target = row.redirect();
                if (target != null) {
                    ctx.status(mode == ReplayMode.ORIGINAL ? status : 302);
                    ctx.header("Location", ArchiveUrls.replay(row.timestamp(), mode, ArchivedHeaders.clean(target)));
                    return;
                }
            }
            ctx.status(replayStatus(status));
            archived.headers().lastModified().ifPresent(v -> ctx.header("Last-Modified", v));
            archived.payloadHeaders().contentLanguage().ifPresent(v -> ctx.header("Content-Language", v));
            String type = archived.payloadHeaders().mediaType().orElse(fallbackType(row));
            if (mode == ReplayMode.REWRITTEN && isHtml(type)) {
                String html = HtmlRewriter.rewrite(bounded(archived.decodedBody(), row),
                        archived.payloadHeaders().charset().orElse(null), row.url(), row.timestamp());
                send(ctx, "text/html; charset=utf-8", html);
            } else if (mode == ReplayMode.REWRITTEN && type.equals("text/css")) {
                byte[] bytes = bounded(archived.decodedBody(), row).readAllBytes();
                String css = new String(bytes, cssCharset(bytes, archived.payloadHeaders().charset().orElse(null)));
                send(ctx, "text/css; charset=utf-8", CssRewriter.rewrite(css, new ArchiveUrls(row.timestamp(), row.url())));
            } else {
                ctx.contentType(archived.payloadHeaders().contentType().orElse(type));
                archived.payloadHeaders().contentEncoding().ifPresent(v -> ctx.header("Content-Encoding", v));
                if (bodyless(ctx)) return;
                try (InputStream body = archived.body()) {
                    OutputStream out = ctx.outputStream();
                    body.transferTo(out);
                    out.flush();
                }
            }
        }
    }

    private static boolean bodyless(Context ctx) {
        int s = ctx.statusCode();
        return s == 204 || s == 304 || ctx.method().name().equals("HEAD");
    }

    private static void send(Context ctx, String contentType, String text) {
        ctx.contentType(contentType);
        ctx.result(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String fallbackType(CaptureRow row) {
        return row.mime() == null || row.mime().isBlank() ? "application/octet-stream"
                : row.mime().toLowerCase(Locale.ROOT);
    }

    private static boolean isHtml(String type) {
        return type.equals("text/html") || type.equals("application/xhtml+xml");
    }

    static boolean isRedirect(int status) {
        return status >= 300 && status < 400 && status != 304;
    }

    /** Archived statuses replay as they were, except those a browser cannot take from a replay. */
    private static int replayStatus(int status) {
        if (status < 200 || status > 599 || status == 304) return 200;
        return status;
    }

    /** The capture's archived redirect target, from the index when it has it, else from the record. */
    private String redirectTarget(CaptureRow row) throws IOException {
        if (row.redirect() != null && !row.redirect().isBlank()) return ArchivedHeaders.clean(row.redirect());
        try (ArchivedResponse archived = ArchivedResponse.open(store, index, row)) {
            return archived.headers().location().map(l -> absolute(row.url(), l)).orElse(null);
        }
    }

    private static String absolute(String base, String location) {
        String abs = StringUtil.resolve(base, location);
        String lower = abs.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://") ? abs : null;
    }

    private static Charset cssCharset(byte[] bytes, String declared) {
        String name = declared;
        if (name == null) {
            Matcher m = CSS_CHARSET.matcher(new String(bytes, 0, Math.min(bytes.length, 128), StandardCharsets.ISO_8859_1));
            if (m.find()) name = m.group(1);
        }
        try {
            return name != null && Charset.isSupported(name) ? Charset.forName(name) : StandardCharsets.UTF_8;
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static InputStream bounded(InputStream in, CaptureRow row) {
        return new BoundedInputStream(in, MAX_REWRITE_BYTES,
                row.url() + " at offset " + row.offset() + " of " + row.file());
    }
}
