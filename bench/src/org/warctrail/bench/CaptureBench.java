package org.warctrail.bench;

/*
 * Capture throughput: warctrail's Crawler against wget --warc-file, same local site, same run.
 *
 * Run (from the repository root; wget must be on the PATH):
 *
 *   mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.warctrail.bench.CaptureBench [PAGES]
 *
 * It serves PAGES HTML pages (default 500), each with two images and links to five other pages, from
 * a loopback server, then captures the whole site twice into gzipped WARCs in a temporary directory:
 * with the Crawler (direct, delay 0, follow all, robots off, one request at a time) and with
 * `wget --warc-file=... -r -l inf --delete-after -e robots=off` (also one request at a time).
 * It also captures the site with the whole product path (Archive.capture: WARC files, index, extraction).
 * It prints resources/s and MB/s (HTTP bytes received, headers included) for both, and the ratio.
 * A short warm-up crawl runs first so the JIT has compiled the hot paths, as in a long capture.
 */

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.capture.Crawler;
import org.warctrail.capture.FollowMode;
import org.warctrail.capture.PayloadHistory;
import org.warctrail.capture.RecordSink;
import org.warctrail.extract.HtmlLinkFinder;
import org.warctrail.fixture.FixtureResponse;
import org.warctrail.fixture.FixtureServer;

public final class CaptureBench {

    private static final String[] VOCABULARY = ("archive capture record page source quote minister army report "
            + "strike coalition village border city council budget court ruling election vote market price school "
            + "hospital storm river bridge road train airport police witness statement evidence document letter "
            + "interview briefing spokesman agency official government parliament law crisis talks ceasefire aid "
            + "convoy night morning week month year first second third local national foreign public private").split(" ");

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        Path dir = Files.createTempDirectory("capture-bench-");
        try (FixtureServer site = new FixtureServer(r -> respond(r.path(), pages))) {
            String seed = "http://127.0.0.1:" + site.port() + "/p/0.html";
            crawl(Math.min(pages, 100), "http://127.0.0.1:" + site.port() + "/p/0.html", dir.resolve("warmup.warc.gz"), true);

            int connectionsBefore = site.connections();
            long t0 = System.nanoTime();
            CrawlSummary ours = crawl(Integer.MAX_VALUE, seed, dir.resolve("warctrail.warc.gz"), false);
            double oursSeconds = (System.nanoTime() - t0) / 1e9;
            int oursConnections = site.connections() - connectionsBefore;

            // The whole product path: write, index and extract each record as it is captured.
            long t2 = System.nanoTime();
            CrawlSummary archived;
            try (Archive archive = Archives.open(dir.resolve("store"), m -> { })) {
                archived = archive.capture(config(Integer.MAX_VALUE, seed), 1L << 30, null);
            }
            double archivedSeconds = (System.nanoTime() - t2) / 1e9;

            int wgetConnectionsBefore = site.connections();
            long t1 = System.nanoTime();
            Process wget = new ProcessBuilder("wget", "--warc-file=" + dir.resolve("wget"), "-r", "-l", "inf",
                    "--delete-after", "-e", "robots=off", "-q", "-P", dir.resolve("wget-files").toString(), seed)
                    .inheritIO().start();
            int exit = wget.waitFor();
            double wgetSeconds = (System.nanoTime() - t1) / 1e9;
            long[] wgetCounts = countResponses(dir.resolve("wget.warc.gz"));
            int wgetConnections = site.connections() - wgetConnectionsBefore;

            System.out.printf("site: %d pages + %d images on 127.0.0.1 (%d resources)%n", pages, 2 * pages, 3 * pages);
            print("warctrail crawler -> WARC     ", ours.pages() + ours.resources(), ours.bytes(), oursSeconds);
            print("warctrail capture (+index+extract)", archived.pages() + archived.resources(), archived.bytes(),
                    archivedSeconds);
            print("wget --warc-file              ", wgetCounts[0], wgetCounts[1], wgetSeconds);
            System.out.printf("connections: warctrail crawler %d (it counted %d), wget %d%n", oursConnections,
                    ours.connections(), wgetConnections);
            if (exit != 0 && exit != 8) {
                System.out.println("wget exited with " + exit);
            }
            System.out.printf("ratio crawler/wget: %.2fx resources/s, %.2fx MB/s%n",
                    ((ours.pages() + ours.resources()) / oursSeconds) / (wgetCounts[0] / wgetSeconds),
                    (ours.bytes() / oursSeconds) / (wgetCounts[1] / wgetSeconds));
            System.out.printf("ratio full capture/wget: %.2fx resources/s, %.2fx MB/s%n",
                    ((archived.pages() + archived.resources()) / archivedSeconds) / (wgetCounts[0] / wgetSeconds),
                    (archived.bytes() / archivedSeconds) / (wgetCounts[1] / wgetSeconds));
            System.out.printf("WARC sizes: warctrail %.1f MB, wget %.1f MB%n",
                    Files.size(dir.resolve("warctrail.warc.gz")) / 1e6, Files.size(dir.resolve("wget.warc.gz")) / 1e6);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void print(String name, long resources, long bytes, double seconds) {
        System.out.printf("%-36s %5d resources, %7.1f MB in %6.2f s = %7.1f resources/s, %6.2f MB/s%n",
                name, resources, bytes / 1e6, seconds, resources / seconds, bytes / 1e6 / seconds);
    }

    private static CrawlConfig config(int maxPages, String seed) {
        return CrawlConfig.builder(URI.create(seed)).depth(1_000_000).follow(FollowMode.ALL)
                .delayMillis(0).obeyRobots(false).maxPages(maxPages).build();
    }

    private static CrawlSummary crawl(int maxPages, String seed, Path warc, boolean quiet) throws IOException {
        CrawlConfig config = config(maxPages, seed);
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                WarcCompression.GZIP)) {
            writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).filename(warc.getFileName().toString())
                    .fields(Map.of("software", List.of("warctrail capture bench"))).build());
            RecordSink sink = records -> {
                for (WarcRecord record : records) {
                    writer.write(record);
                }
            };
            return new Crawler(config, sink, PayloadHistory.NONE, new HtmlLinkFinder(), null).run();
        }
    }

    /** Response count and total HTTP bytes of the response records of a WARC. */
    private static long[] countResponses(Path warc) throws IOException {
        long count = 0;
        long bytes = 0;
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord record : reader) {
                if (record.type().equals("response")) {
                    count++;
                    bytes += record.body().size();
                }
            }
        }
        return new long[] {count, bytes};
    }

    private static FixtureResponse respond(String path, int pages) {
        Matcher page = Pattern.compile("/p/(\\d+)\\.html").matcher(path);
        if (page.matches()) {
            int n = Integer.parseInt(page.group(1));
            StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><title>Page ").append(n)
                    .append("</title></head><body><h1>Page ").append(n).append("</h1>");
            // Each page its own text, as articles are: identical template paragraphs on every page would make the
            // whole site one big case of reuse, which real sites are not.
            java.util.Random words = new java.util.Random(n);
            for (int p = 0; p < 12; p++) {
                html.append("<p>");
                for (int w = 0; w < 40; w++) {
                    html.append(VOCABULARY[words.nextInt(VOCABULARY.length)]).append(w % 12 == 11 ? ". " : " ");
                }
                html.append("</p>");
            }
            html.append("<img src=\"/img/").append(n).append("-a.png\"><img src=\"/img/").append(n).append("-b.png\">");
            for (int k = 1; k <= 5; k++) {
                html.append("<a href=\"/p/").append((n * 7 + k * 13) % pages).append(".html\">next ").append(k).append("</a> ");
            }
            html.append("</body></html>");
            return FixtureResponse.html(html.toString());
        }
        Matcher image = Pattern.compile("/img/(\\d+)-([ab])\\.png").matcher(path);
        if (image.matches()) {
            byte[] bytes = new byte[image.group(2).equals("a") ? 24_000 : 12_000];
            new java.util.Random(path.hashCode()).nextBytes(bytes);
            return FixtureResponse.ok("image/png", bytes);
        }
        return FixtureResponse.notFound();
    }
}
