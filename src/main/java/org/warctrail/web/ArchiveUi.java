package org.warctrail.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warctrail.app.Archive;
import org.warctrail.index.DerivationStatus;
import org.warctrail.index.FileVerification;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoreStats;
import org.warctrail.index.StoredDocuments;
import org.warctrail.index.VerificationsTable;
import org.warctrail.index.WatchesTable;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.report.ReportBuilder;
import org.warctrail.versions.ArchivedVersions;

/**
 * The UI's pages and API over an open archive, added to a {@link ReplayServer}:
 *
 * <pre>
 * GET  /search?q=&amp;site=&amp;from=&amp;to=&amp;page=   search results        GET /api/search?q=...&amp;limit=  (search --json)
 * GET  /capture                                capture form, progress  POST /api/captures, /api/captures/events, /api/captures/jobs/{id}
 * GET  /api/captures?url=                      a URL's captures
 * GET  /provenance?url=&amp;depth=                 chain graph, reuse     GET /api/chain?url=&amp;depth=  (chain --json)
 * GET  /trace?q=                               quote trace            GET /api/trace?q=  (trace --json)
 * GET  /report?url=&amp;at=&amp;depth=                the provenance report to download (report --out)
 * GET  /diff?url=&amp;from=&amp;to=                      what changed          GET /api/diff?url=&amp;from=&amp;to=  (diff --json)
 * GET  /watches                                stored watches, add   GET /api/watches, POST /api/watches, /api/watches/remove
 * GET  /api/stats                              store counts, derived data done / pending / failed, fixity
 * GET  /api/verifications                      the last fixity check of each WARC file (verify)
 * </pre>
 *
 * Wire it as {@code ui.install(new ReplayServer(archive.store(), archive.index(), options)).start()}, with
 * {@code ui = new ArchiveUi(archive, new CaptureJobs(archive, settings, options.allowPrivate()), server.pages(), options,
 * watchesRun)}.
 */
public final class ArchiveUi {
    private final Archive archive;
    private final SearchPage search;
    private final CapturesApi captures;
    private final CapturePage capture;
    private final ChangeMarkers changes;
    private final DiffPage diff;
    private final ProvenancePage provenance;
    private final TracePage trace;
    private final ReportPage report;
    private final WatchesPage watches;
    private final CaptureJobs jobs;

    /** A UI whose server does not run the stored watches (the watches page says so). */
    public ArchiveUi(Archive archive, CaptureJobs jobs, Pages pages, ServeOptions options) {
        this(archive, jobs, pages, options, false);
    }

    /** @param watchesRun whether this server runs the stored watches ({@code serve --watch}) */
    public ArchiveUi(Archive archive, CaptureJobs jobs, Pages pages, ServeOptions options, boolean watchesRun) {
        this.archive = archive;
        this.jobs = jobs;
        this.search = new SearchPage(archive.search(), pages);
        ArchivedVersions versions = new ArchivedVersions(archive.index());
        this.changes = new ChangeMarkers(versions);
        this.captures = new CapturesApi(archive.index(), changes);
        this.capture = new CapturePage(jobs, pages, options);
        ArchiveProvenance chains = new ArchiveProvenance(archive.index());
        this.provenance = new ProvenancePage(chains, new ReuseTables(archive.index()), pages, options);
        this.trace = new TracePage(chains, pages, options);
        this.report = new ReportPage(new ReportBuilder(archive.store(), archive.index()));
        this.diff = new DiffPage(archive.index(), versions, new StoredDocuments(archive.index()), pages);
        this.watches = new WatchesPage(new WatchesTable(archive.index()), pages, options, watchesRun);
    }

    /** How long a stopping server waits for the capture event streams to end. */
    private static final Duration STREAMS_END = Duration.ofSeconds(5);

    /**
     * Adds the pages and API to the server (change markers to its timeline, derived-data counts to its home page,
     * and the end of the capture event streams to its stop); call before it starts.
     */
    public ReplayServer install(ReplayServer server) {
        return server.changeMarkers(changes).derivationStatus(() -> archive.derivations().status())
                .verificationSummary(() -> new VerificationsTable(archive.index()).summary().orElse(null))
                .beforeStop(() -> jobs.endStreams(STREAMS_END)).routes(this::routes);
    }

    public void routes(RoutesConfig r) {
        r.get("/search", search::page);
        r.get("/api/search", search::api);
        r.get("/capture", capture::page);
        r.get("/api/captures", captures::handle);
        r.post("/api/captures", capture::start);
        r.get("/api/captures/jobs/{id}", capture::status);
        r.sse("/api/captures/events", capture::events);
        r.get("/diff", diff::page);
        r.get("/api/diff", diff::api);
        r.get("/provenance", provenance::page);
        r.get("/api/chain", provenance::api);
        r.get("/trace", trace::page);
        r.get("/api/trace", trace::api);
        r.get("/report", report::download);
        r.get("/watches", watches::page);
        r.get("/api/watches", watches::list);
        r.post("/api/watches", watches::add);
        r.post("/api/watches/remove", watches::remove);
        r.get("/api/stats", this::stats);
        r.get("/api/verifications", this::verifications);
    }

    /** {@code GET /api/verifications}: each WARC file's last check by {@code verify}, damaged files first. */
    private void verifications(Context ctx) {
        List<Map<String, Object>> files = new ArrayList<>();
        for (FileVerification v : new VerificationsTable(archive.index()).list()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("file", v.file());
            f.put("verified", v.verified());
            f.put("records", v.records());
            f.put("damaged", v.damaged());
            f.put("bytes", v.bytes());
            f.put("firstProblem", v.firstProblem());
            files.add(f);
        }
        Json.send(ctx, 200, Map.of("files", files));
    }

    /** {@code GET /api/stats}: the store's counts, and how far its derived data has come. */
    private void stats(Context ctx) {
        StoreStats s = archive.index().stats();
        DerivationStatus d = archive.derivations().status();
        Map<String, Object> derived = new LinkedHashMap<>();
        derived.put("done", d.done());
        derived.put("pending", d.pending());
        derived.put("failed", d.failed());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("captures", s.captures());
        out.put("urls", s.urls());
        out.put("documents", s.documents());
        out.put("files", s.files());
        out.put("bytes", s.bytes());
        out.put("derived", derived);
        out.put("verification", new VerificationsTable(archive.index()).summary().map(v -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("files", v.files());
            m.put("damagedFiles", v.damagedFiles());
            m.put("damagedRecords", v.damagedRecords());
            m.put("lastVerified", v.lastVerified());
            return m;
        }).orElse(null));
        Json.send(ctx, 200, out);
    }
}
