package org.warctrail.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Capturing from the UI.
 *
 * <pre>
 * GET  /capture[?url=&amp;job=]          the form (URL, depth) and the progress of a job
 * POST /api/captures                   start: JSON {"url" or "urls", "depth", "browser"} or a form (url repeatable); 202 with the job (a form: 303 to its page)
 * GET  /api/captures/jobs/{id}         the job and, once done, its result
 * GET  /api/captures/events?job=       server-sent events: fetched, failed, progress, then done or error
 * </pre>
 */
final class CapturePage {
    private final CaptureJobs jobs;
    private final Pages pages;
    private final ServeOptions options;

    public CapturePage(CaptureJobs jobs, Pages pages, ServeOptions options) {
        this.jobs = jobs;
        this.pages = pages;
        this.options = options;
    }

    public void page(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        CaptureJob job = null;
        String jobParam = ctx.queryParam("job");
        if (jobParam != null && jobParam.matches("\\d{1,18}")) job = jobs.job(Long.parseLong(jobParam)).orElse(null);
        pages.render(ctx, 200, "capture", new CaptureView(job != null ? job.url() : url,
                job != null ? job.depth() : 1, CaptureJobs.MAX_DEPTH, options.token() != null,
                job == null ? null : job.id(), localPath(ctx.queryParam("back"))));
    }

    public void start(Context ctx) throws IOException {
        List<String> urls = new ArrayList<>();
        int depth;
        boolean browser;
        boolean form = ctx.isFormUrlencoded() || ctx.isMultipartFormData();
        if (form) {
            urls.addAll(ctx.formParams("url"));
            depth = depth(ctx.formParam("depth"));
            browser = ctx.formParam("browser") != null;
        } else {
            JsonNode body = Json.MAPPER.readTree(ctx.bodyAsBytes());
            if (body == null || !body.isObject()) throw new IllegalArgumentException("send {\"url\": ..., \"depth\": N}");
            if (body.hasNonNull("url")) urls.add(body.path("url").asText());
            body.path("urls").forEach(u -> urls.add(u.asText()));
            depth = body.has("depth") ? body.path("depth").asInt(-1) : 1;
            browser = body.path("browser").asBoolean(false);
        }
        CaptureJob job = jobs.start(urls, depth, browser);
        if (form) {
            String back = localPath(ctx.formParam("back"));
            ctx.redirect("/capture?job=" + job.id() + (back == null ? "" : "&back=" + ArchiveUrls.encode(back)),
                    io.javalin.http.HttpStatus.SEE_OTHER);
        } else {
            Json.send(ctx, 202, job.status());
        }
    }

    /** A path on this server to go back to, or null: never another site ("//host", "/\\host") nor a header break. */
    static String localPath(String path) {
        if (path == null || path.length() > 2048 || !path.startsWith("/") || path.startsWith("//")
                || path.startsWith("/\\")) {
            return null;
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c < 0x21 || c > 0x7e) return null;
        }
        return path;
    }

    public void status(Context ctx) {
        Json.send(ctx, 200, find(ctx.pathParam("id")).status());
    }

    public void events(SseClient client) {
        CaptureJob job;
        try {
            job = find(client.ctx().queryParam("job"));
        } catch (NotFoundResponse e) {
            client.sendEvent("error", Json.write(java.util.Map.of("error", e.getMessage())));
            client.close();
            return;
        }
        job.follow(client);
    }

    private CaptureJob find(String id) {
        if (id == null || !id.matches("\\d{1,18}")) throw new NotFoundResponse("no such capture: " + id);
        return jobs.job(Long.parseLong(id)).orElseThrow(() -> new NotFoundResponse("no such capture: " + id));
    }

    private static int depth(String value) {
        if (value == null || value.isBlank()) return 1;
        if (!value.strip().matches("\\d{1,2}")) throw new IllegalArgumentException("depth must be a number: " + value);
        return Integer.parseInt(value.strip());
    }
}
