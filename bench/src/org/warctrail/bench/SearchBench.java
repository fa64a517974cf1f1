package org.warctrail.bench;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
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
import org.warctrail.index.SearchOptions;
import org.warctrail.index.SearchResult;
import org.warctrail.index.SurtKey;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.web.ArchiveUi;
import org.warctrail.web.CaptureJobs;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * Search cost on a generated store where one word ({@value #TERM}) is in every document: the {@link SyntheticCorpus}
 * (N documents, every 5th a newer capture of an earlier URL, so URLs are 4/5 of N), indexed with its derivations.
 * Prints, per query, the CPU time of one {@code DocumentSearch} call (median of 50 after warm-up), and for
 * {@code GET /search} over HTTP with two clients for 5 s: requests/s and process CPU ms per request. Writes each
 * document's text to {@code DIR/text/} and a planted quote to {@code DIR/quote.txt}, for bench/search.sh's
 * one-shot commands and its grep.
 *
 * <p>Usage: bench/search.sh [DOCUMENTS] (the store is kept in bench/out/search-store-N and reused).
 */
public final class SearchBench {
    static final String TERM = "harbour";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path dir = args.length > 1 ? Path.of(args[1]) : Path.of("bench/out/search-store-" + n);
        if (!Files.exists(dir.resolve("quote.txt"))) generate(dir, n);
        try (Archive archive = Archives.openForReading(dir, m -> { })) {
            String rare = "\"" + Files.readString(dir.resolve("quote.txt")).strip() + "\"";
            inProcess(archive, TERM + ", page 1", TERM, 0);
            inProcess(archive, TERM + ", page 10", TERM, 180);
            inProcess(archive, "a quote (" + archive.search().search(rare, SearchOptions.defaults()).total()
                    + " URLs), page 1", rare, 0);
            overHttp(archive, "/search?q=" + TERM);
            overHttp(archive, "/search?q=" + TERM + "&page=10");
            overHttp(archive, "/api/search?q=" + TERM);
        }
    }

    private static void generate(Path dir, int n) throws Exception {
        deleteTree(dir);
        Files.createDirectories(dir.resolve("text"));
        SyntheticCorpus corpus = new SyntheticCorpus(12, 20_000, 500);
        List<String> urls = new ArrayList<>();
        // the payload is the title, a line break and the text; the extractor splits them (no HTML parsing measured)
        DocumentExtractor extractor = (url, contentType, payload) -> {
            String s = new String(payload, StandardCharsets.UTF_8);
            int nl = s.indexOf('\n');
            return new Document(url, "text/html", s.substring(0, nl), s.substring(nl + 1), null, null, List.of(), "en",
                    null, null, null, List.of(), List.of(), null);
        };
        long t0 = System.nanoTime();
        try (Archive archive = Archive.open(dir, m -> { }, extractor, Archives.derivers());
             ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            List<WarcRecord> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                SyntheticCorpus.Doc d = corpus.next();
                String url = i % 5 == 4 ? urls.get(i - 3) : d.url();
                urls.add(url);
                String text = d.text() + "\n\nFiled from the " + TERM + " desk.";
                Files.writeString(dir.resolve("text/" + i + ".txt"), d.title() + "\n" + text);
                byte[] body = (d.title() + "\n" + text).getBytes(StandardCharsets.UTF_8);
                batch.add(new WarcResponse.Builder(URI.create(url)).date(SurtKey.instant(d.timestamp()))
                        .body(new Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), body).build())
                        .build());
                if (batch.size() == 1000) {
                    sink.write(batch);
                    batch = new ArrayList<>();
                }
            }
            if (!batch.isEmpty()) sink.write(batch);
        }
        Files.writeString(dir.resolve("quote.txt"), corpus.quote(3));
        System.out.printf(Locale.ROOT, "store: %,d documents (%,d URLs) written, indexed and derived in %.1f s: %s%n",
                n, urls.stream().distinct().count(), (System.nanoTime() - t0) / 1e9, dir);
    }

    private static void inProcess(Archive archive, String label, String query, int offset) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SearchOptions options = new SearchOptions(null, null, null, 20, offset);
        SearchResult last = null;
        for (int i = 0; i < 30; i++) last = archive.search().search(query, options);
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            long c = threads.getCurrentThreadCpuTime();
            last = archive.search().search(query, options);
            ms.add((threads.getCurrentThreadCpuTime() - c) / 1e6);
        }
        ms.sort(null);
        System.out.printf(Locale.ROOT, "DocumentSearch %-32s CPU %6.2f ms/request (median of 50), %d results, total %d%s%n",
                label + ":", ms.get(25), last.results().size(), last.total(),
                // read from the text so that the bench also runs against the code before the count was capped
                last.toString().contains("totalIsLowerBound=true") ? " (a lower bound)" : "");
    }

    private static void overHttp(Archive archive, String path) throws Exception {
        ServeOptions options = ServeOptions.loopback(0);
        try (CaptureJobs jobs = new CaptureJobs(archive, (CrawlConfig.Builder b) -> b, false);
             ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
            new ArchiveUi(archive, jobs, server.pages(), options, false).install(server).start();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
            HttpClient client = HttpClient.newHttpClient();
            for (int i = 0; i < 30; i++) client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            AtomicLong done = new AtomicLong();
            long deadline = System.nanoTime() + 5_000_000_000L;
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                Thread t = new Thread(() -> {
                    try {
                        while (System.nanoTime() < deadline) {
                            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(uri).build(),
                                    HttpResponse.BodyHandlers.discarding());
                            if (r.statusCode() != 200) throw new IllegalStateException(uri + ": HTTP " + r.statusCode());
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                t.start();
                clients.add(t);
            }
            for (Thread t : clients) t.join();
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (os.getProcessCpuTime() - cpu0) / 1e6;
            System.out.printf(Locale.ROOT, "HTTP GET %-32s %7.1f requests/s (2 clients, 5 s), %6.2f ms process CPU/request "
                    + "(server and clients)%n", path, done.get() / seconds, cpuMs / done.get());
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
