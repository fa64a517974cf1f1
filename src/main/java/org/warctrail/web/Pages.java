package org.warctrail.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;

/** Renders the precompiled JTE templates (web/templates) as the UI's HTML responses. */
public final class Pages {
    /**
     * The UI's own pages: our scripts, styles and API (capture progress) only, never framed themselves. Their
     * frame-src (the replay origin only) also keeps the replay frame in the archive: a navigation of the frame to
     * the live web or to the UI, which the frame's own CSP does not cover, is blocked by the page embedding it.
     */
    public static String uiCsp(String replayOrigin) {
        return "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; "
                + "frame-src " + replayOrigin + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
    }

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
    private final ReplayOrigin replayOrigin;

    Pages(ReplayOrigin replayOrigin) {
        this.replayOrigin = replayOrigin;
    }

    private static final String RENDERED = "warctrail.page";

    /** True when a handler already rendered a page for this response (so error mappers leave it alone). */
    public static boolean rendered(Context ctx) {
        return ctx.attribute(RENDERED) != null;
    }

    public void render(Context ctx, int status, String template, Object view) {
        ctx.attribute(RENDERED, Boolean.TRUE);
        Utf8ByteOutput out = new Utf8ByteOutput();
        engine.render(template + ".jte", view, out);
        ctx.status(status);
        // On the replay origin (a capture not archived, shown in the snapshot's frame) the UI may frame it.
        ctx.header("Content-Security-Policy", replayOrigin.serves(ctx)
                ? "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors " + replayOrigin.uiOrigin(ctx)
                : uiCsp(replayOrigin.origin(ctx)));
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(out.toByteArray());
    }

    public void notArchived(Context ctx, String url) {
        render(ctx, 404, "notfound", new NotFoundView("Not archived",
                url + " is not in the archive.", url));
    }

    public void notFound(Context ctx, String message) {
        render(ctx, 404, "notfound", new NotFoundView("Not found", message, null));
    }
}
