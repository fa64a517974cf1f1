package org.warctrail.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.warctrail.index.Watch;
import org.warctrail.index.WatchesTable;
import org.warctrail.versions.WatchInterval;

/**
 * Watches from the UI: URLs the server recaptures on a schedule when started with {@code serve --watch}.
 *
 * <pre>
 * GET  /watches[?url=]          the stored watches, a remove button each, and the add form
 * GET  /api/watches             {"running": bool, "watches": [Watch...]}, next due first
 * POST /api/watches             add (or reschedule): JSON {"url", "every", "depth", "allChanges"} or a form; 201 with the watch (a form: 303 to /watches)
 * POST /api/watches/remove      JSON {"url"} or a form; 200 {"removed": url} (a form: 303 to /watches), 404 when not watched
 * </pre>
 *
 * The URL must be http(s), every at least a minute, depth 0..{@value CaptureJobs#MAX_DEPTH}; private, loopback and
 * link-local targets are refused unless {@code serve --allow-private}, as for capture.
 */
final class WatchesPage {
    public static final Duration MIN_EVERY = Duration.ofMinutes(1);
    public static final String DEFAULT_EVERY = "1d";

    private final WatchesTable watches;
    private final Pages pages;
    private final ServeOptions options;
    private final boolean running;

    /** @param running whether this server runs the stored watches ({@code serve --watch}) */
    public WatchesPage(WatchesTable watches, Pages pages, ServeOptions options, boolean running) {
        this.watches = watches;
        this.pages = pages;
        this.options = options;
        this.running = running;
    }

    /** The stored watches and whether this server runs them. */
    public record Listing(boolean running, List<Watch> watches) {
    }

    public record Removed(String removed) {
    }

    public void page(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        String now = CaptureTime.of(Instant.now());
        List<WatchesView.Row> rows = watches.list().stream().map(w -> row(w, now)).toList();
        pages.render(ctx, 200, "watches", new WatchesView(rows, running, url == null ? "" : url,
                CaptureJobs.MAX_DEPTH, options.token() != null));
    }

    public void list(Context ctx) {
        Json.send(ctx, 200, new Listing(running, watches.list()));
    }

    public void add(Context ctx) throws IOException {
        boolean form = isForm(ctx);
        String url;
        String every;
        String depth;
        boolean allChanges;
        if (form) {
            url = ctx.formParam("url");
            every = ctx.formParam("every");
            depth = ctx.formParam("depth");
            String all = ctx.formParam("allChanges");
            allChanges = all != null && (all.equals("on") || all.equals("true") || all.equals("1"));
        } else {
            JsonNode body = body(ctx, "{\"url\": ..., \"every\": \"1d\", \"depth\": 0, \"allChanges\": false}");
            url = body.hasNonNull("url") ? body.path("url").asText() : null;
            every = body.hasNonNull("every") ? body.path("every").asText() : null;
            depth = body.hasNonNull("depth") ? body.path("depth").asText() : null;
            allChanges = body.path("allChanges").asBoolean(false);
        }
        URI target = CaptureJobs.checkedUrl(url);
        Duration interval = WatchInterval.parse(every == null || every.isBlank() ? DEFAULT_EVERY : every);
        if (interval.compareTo(MIN_EVERY) < 0) {
            throw new IllegalArgumentException("every must be at least 1m, not " + every.strip());
        }
        int d = depth(depth);
        if (!options.allowPrivate()) CaptureJobs.refusePrivate(target);
        String key = target.toString();
        watches.add(key, interval.toSeconds(), d, allChanges);
        if (form) {
            ctx.redirect("/watches", HttpStatus.SEE_OTHER);
        } else {
            Json.send(ctx, 201, find(key).orElseThrow());
        }
    }

    public void remove(Context ctx) throws IOException {
        boolean form = isForm(ctx);
        String url = form ? ctx.formParam("url") : body(ctx, "{\"url\": ...}").path("url").asText(null);
        if (url == null || url.isBlank()) throw new IllegalArgumentException("give the URL of the watch to remove");
        String key = url.strip();
        if (find(key).isEmpty()) throw new NotFoundResponse("not watched: " + key);
        watches.remove(key);
        if (form) {
            ctx.redirect("/watches", HttpStatus.SEE_OTHER);
        } else {
            Json.send(ctx, 200, new Removed(key));
        }
    }

    private Optional<Watch> find(String url) {
        return watches.list().stream().filter(w -> w.url().equals(url)).findFirst();
    }

    private static boolean isForm(Context ctx) {
        return ctx.isFormUrlencoded() || ctx.isMultipartFormData();
    }

    private static JsonNode body(Context ctx, String shape) throws IOException {
        JsonNode body;
        try {
            body = Json.MAPPER.readTree(ctx.bodyAsBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: send " + shape);
        }
        if (body == null || !body.isObject()) throw new IllegalArgumentException("send " + shape);
        return body;
    }

    private static int depth(String value) {
        if (value == null || value.isBlank()) return 0;
        String v = value.strip();
        if (!v.matches("\\d{1,2}") || Integer.parseInt(v) > CaptureJobs.MAX_DEPTH) {
            throw new IllegalArgumentException("depth must be 0.." + CaptureJobs.MAX_DEPTH + ", not " + v);
        }
        return Integer.parseInt(v);
    }

    private static WatchesView.Row row(Watch w, String now) {
        String next = w.nextRun() == null || w.nextRun().compareTo(now) <= 0 ? "due now" : CaptureTime.display(w.nextRun());
        return new WatchesView.Row(w.url(), "/timeline?url=" + ArchiveUrls.encode(w.url()),
                WatchInterval.describe(Duration.ofSeconds(w.everySeconds())), w.depth(), w.allChanges(),
                w.lastAttempt() == null ? "" : CaptureTime.display(w.lastAttempt()),
                w.lastError() == null ? "" : w.lastError(), next, w.failures());
    }
}
