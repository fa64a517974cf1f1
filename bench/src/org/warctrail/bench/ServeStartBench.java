package org.warctrail.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse.Builder;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.extract.Document;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.web.ArchiveUi;
import org.warctrail.web.CaptureJobs;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * How long {@code serve} takes to answer its home page on a store whose derived data (reuse, version flags) is all
 * pending, as after a schema upgrade: deriving the backlog before listening (as serve did) against deriving it on
 * the background worker, and how long the worker then takes. Documents are synthetic news texts (a stub extractor).
 *
 * <p>Usage: bench/serve-start.sh [DOCUMENTS]
 */
public final class ServeStartBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        Path dir = Files.createTempDirectory("warctrail-serve-start");
        Map<String, SyntheticCorpus.Doc> byUrl = new HashMap<>();
        SyntheticCorpus corpus = new SyntheticCorpus(42, 30_000, 500);
        DocumentExtractor stub = (url, type, payload) -> {
            SyntheticCorpus.Doc d = byUrl.get(url);
            return d == null ? null : new Document(d.url(), "text/html", d.title(), d.text(), d.published(), null,
                    List.of(), "en", null, d.site(), null, List.of(), List.of(), null);
        };
        Path before = dir.resolve("inline");
        try (Archive archive = Archive.open(before, m -> { }, stub, List.of());
             ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            List<WarcRecord> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SyntheticCorpus.Doc d = corpus.next();
                byUrl.put(d.url(), d);
                byte[] body = ("<html><body>" + d.text() + "</body></html>").getBytes(StandardCharsets.UTF_8);
                batch.add(new WarcResponse.Builder(URI.create(d.url()))
                        .date(org.warctrail.index.SurtKey.instant(d.timestamp()))
                        .body(new Builder(200, "OK").body(MediaType.parse("text/html"), body).build()).build());
                if (batch.size() == 500) {
                    sink.write(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) sink.write(batch);
            sink.awaitIndexed();
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + before.resolve("index.sqlite"));
             Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            st.execute("INSERT OR IGNORE INTO derivations (capture_id, state) SELECT id, 'pending' FROM captures");
        }
        Path after = dir.resolve("background");
        copy(before, after);
        System.out.printf(Locale.ROOT, "serve start-up on a store of %,d documents, all derived data pending%n", n);

        long t0 = System.nanoTime();
        try (Archive archive = Archive.open(before, m -> { }, stub, Archives.derivers())) {
            serve(archive, "derive, then listen (before)", t0);
        }
        t0 = System.nanoTime();
        try (Archive archive = Archive.openDerivingInBackground(after, m -> { }, stub, Archives.derivers())) {
            serve(archive, "listen, derive in the background (now)", t0);
            while (archive.derivations().status().pending() > 0) Thread.sleep(100);
            System.out.printf(Locale.ROOT, "  background derivation done after %.1f s: %s%n",
                    (System.nanoTime() - t0) / 1e9, archive.derivations().status());
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private static void serve(Archive archive, String how, long t0) throws Exception {
        ServeOptions options = ServeOptions.loopback(0);
        try (CaptureJobs jobs = new CaptureJobs(archive, (CrawlConfig.Builder b) -> b, false);
             ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
            new ArchiveUi(archive, jobs, server.pages(), options, false).install(server).start();
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.port() + "/")).build(), HttpResponse.BodyHandlers.ofString());
            String derived = home.body().replaceAll("(?s).*<p class=\"derived\" id=\"derived\">(.*?)</p>.*", "$1")
                    .replaceAll("<[^>]+>", "");
            System.out.printf(Locale.ROOT, "  %-40s home page HTTP %d after %.1f s (%s)%n", how, home.statusCode(),
                    (System.nanoTime() - t0) / 1e9, derived);
        }
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }
}
