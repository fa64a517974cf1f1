package org.warctrail.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.Trace;
import org.warctrail.provenance.TraceHop;
import org.warctrail.provenance.TraceMatch;

/**
 * {@code GET /trace?q=}: every archived page containing a quote on a timeline (published and captured), the
 * origin marked, the path from each match to it, the likely origin outside the archive and the linked pages not
 * yet archived, each with a capture button (the UI's capture form: {@code POST /api/captures}, under the write guard);
 * and its twin {@code GET /api/trace?q=}, the document {@code trace --json} prints.
 */
final class TracePage {
    static final int MAX_QUOTE = 2000;

    private final ArchiveProvenance provenance;
    private final Pages pages;
    private final ServeOptions options;

    public TracePage(ArchiveProvenance provenance, Pages pages, ServeOptions options) {
        this.provenance = provenance;
        this.pages = pages;
        this.options = options;
    }

    private static String quote(Context ctx) {
        String q = SearchPage.param(ctx, "q");
        if (q != null && q.length() > MAX_QUOTE) throw new IllegalArgumentException("a quote of at most " + MAX_QUOTE + " characters, please");
        return q;
    }

    public void api(Context ctx) {
        String q = quote(ctx);
        if (q == null) throw new IllegalArgumentException("give the quote: /api/trace?q=...");
        Json.send(ctx, 200, provenance.trace(q));
    }

    public void page(Context ctx) {
        String q = quote(ctx);
        if (q == null) {
            pages.render(ctx, 200, "trace", TraceView.empty(options.token() != null));
            return;
        }
        Trace trace = provenance.trace(q);
        Map<String, String> titles = new HashMap<>();
        for (TraceMatch m : trace.matches()) titles.putIfAbsent(m.url(), m.title());
        List<TraceView.Path> paths = new ArrayList<>();
        for (List<TraceHop> hops : trace.paths()) {
            if (hops.isEmpty()) continue;
            List<TraceView.Step> steps = new ArrayList<>();
            steps.add(new TraceView.Step(hops.get(0).from(), titles.get(hops.get(0).from()), null));
            for (TraceHop h : hops) steps.add(new TraceView.Step(h.to(), titles.get(h.to()), h.kind()));
            paths.add(new TraceView.Path(steps));
        }
        List<TraceView.Step> citers = new ArrayList<>();
        if (trace.likelyOrigin() != null) {
            for (String url : trace.likelyOrigin().pages()) {
                TraceMatch m = trace.matches().stream().filter(x -> x.url().equals(url)).findFirst().orElseThrow();
                citers.add(new TraceView.Step(ArchiveUrls.replay(m.timestamp(), ReplayMode.FRAME, url),
                        m.title() != null && !m.title().isBlank() ? m.title() : url, null));
            }
        }
        pages.render(ctx, 200, "trace", new TraceView(q, trace, TraceTimeline.of(trace), paths, citers,
                options.token() != null, "/api/trace?q=" + ArchiveUrls.encode(q)));
    }
}
