package org.warctrail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoredReuse;
import org.warctrail.ingest.ImportListener;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.versions.ArchivedVersion;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.web.ArchiveUi;
import org.warctrail.web.CaptureJobs;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * Two captures into one store at once (each with its own Archive, as two processes would be), while a server over
 * the same store answers search, trace, provenance and timeline requests: every request succeeds, derivation
 * finishes with nothing pending or failed, and {@code reindex} afterwards gives the same derived data.
 */
class CapturesBesideServeTest {
    private static final String QUOTE = "the call to knock it off was put in place";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void twoCapturesAndServeAtOnceThenReindexGivesTheSameIndex() throws Exception {
        Path store = dir.resolve("store");
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<String> notices = java.util.Collections.synchronizedList(new ArrayList<>());
        try (FixtureWeb web = FixtureWeb.start();
             Archive served = Archives.open(store, notices::add)) {
            ServeOptions options = new ServeOptions("127.0.0.1", 0, true, null);
            ReplayServer server = new ReplayServer(served.store(), served.index(), options);
            try (CaptureJobs jobs = new CaptureJobs(served, b -> b.proxy(web.proxy()).delayMillis(0), true)) {
                new ArchiveUi(served, jobs, server.pages(), options).install(server).start();
                String base = "http://127.0.0.1:" + server.port();
                AtomicBoolean capturing = new AtomicBoolean(true);
                List<Future<CrawlSummary>> captures = new ArrayList<>();
                for (URI seed : List.of(FixtureWeb.BLOG_POST, FixtureWeb.MIRROR_COPY)) {
                    captures.add(pool.submit(() -> {
                        try (Archive archive = Archives.open(store, notices::add)) {
                            CrawlConfig config = CrawlConfig.builder(seed).proxy(web.proxy()).delayMillis(0).depth(1)
                                    .allowTarget(TargetPolicy.any()).build();
                            return archive.capture(config, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE,
                                    CaptureListener.NONE);
                        }
                    }));
                }
                Future<List<String>> reads = pool.submit(() -> {
                    List<String> bad = new ArrayList<>();
                    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
                    String blog = URLEncoder.encode(FixtureWeb.BLOG_POST.toString(), StandardCharsets.UTF_8);
                    String quote = URLEncoder.encode(QUOTE, StandardCharsets.UTF_8);
                    List<String> paths = List.of("/search?q=ceased", "/api/search?q=ceased", "/trace?q=" + quote,
                            "/api/trace?q=" + quote, "/provenance?url=" + blog, "/api/chain?url=" + blog,
                            "/timeline?url=" + blog, "/api/captures?url=" + blog, "/api/stats", "/");
                    int rounds = 0;
                    while (capturing.get() || rounds < 2) {
                        for (String path : paths) {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path))
                                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() >= 500) bad.add(path + " -> " + r.statusCode() + " " + r.body());
                        }
                        rounds++;
                    }
                    return bad;
                });
                for (Future<CrawlSummary> c : captures) assertFalse(c.get().captured().isEmpty());
                capturing.set(false);
                assertEquals(List.of(), reads.get());
            } finally {
                server.close();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), notices);

        Map<String, Object> before;
        try (Archive archive = Archives.open(store, notices::add)) {
            assertEquals("DerivationStatus[done=" + archive.index().stats().captures() + ", pending=0, failed=0, "
                    + "failures=[]]", archive.derivations().status().toString());
            before = derived(archive);
            assertFalse(((TreeSet<?>) before.get("reuse")).isEmpty(), before.toString());
            archive.reindex(ImportListener.NONE);
            assertEquals(before, derived(archive));
            assertEquals(0, archive.derivations().status().pending());
        }
    }

    /** The captures, the reuse between URLs and every capture's version flags, in a comparable form. */
    private static Map<String, Object> derived(Archive archive) {
        Map<String, Object> out = new TreeMap<>();
        TreeSet<String> captures = new TreeSet<>();
        TreeSet<String> reuse = new TreeSet<>();
        TreeSet<String> flags = new TreeSet<>();
        ArchivedVersions versions = new ArchivedVersions(archive.index());
        ReuseTables tables = new ReuseTables(archive.index());
        archive.index().urls(0, 10_000).forEach(u -> {
            for (CaptureRow row : archive.index().captures(u.url())) {
                captures.add(row.timestamp() + " " + row.url() + " " + row.status() + " " + row.recordType());
            }
            for (StoredReuse r : tables.reuseInto(u.url())) {
                reuse.add(r.sourceUrl() + " -> " + r.targetUrl() + " " + r.words());
            }
            for (ArchivedVersion v : versions.timeline(u.url())) {
                flags.add(v.capture().timestamp() + " " + v.capture().url() + " "
                        + (v.flags() == null ? "-" : v.flags().kind() + " " + v.flags().summary()));
            }
        });
        out.put("captures", captures);
        out.put("reuse", reuse);
        out.put("flags", flags);
        assertTrue(!captures.isEmpty());
        return out;
    }
}
