package org.warctrail.bench;

/*
 * Capture throughput: warctrail against wget --warc-file, same local site, same run.
 *
 * Run (from the repository root; wget must be on the PATH):
 *
 *   bench/capture.sh [PAGES] [ROUNDS]
 *
 * It serves PAGES HTML pages (default 2000), each with two images and links to five other pages, from a loopback
 * server, then captures the whole site ROUNDS times (default 3) with each of, alternating within each round:
 * - warctrail capture: the whole product path (Archive.capture: WARC files in a store, index, extraction), into a
 *   fresh store each time;
 * - the warctrail crawler alone, into one gzipped WARC (no index, no extraction);
 * - `wget --warc-file=... -r -l inf --delete-after -e robots=off` (one request at a time, as it always does).
 * Both crawlers run with no delay and robots off. It prints each run, then the median seconds of each and the
 * ratios warctrail/wget (time: below 1.0 is faster than wget), plus the connections the site saw.
 * A short warm-up crawl runs first so the JIT has compiled the hot paths, as in a long capture.
 */

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
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

    /** One timed run: what it captured and how long it took. */
    private record Run(long resources, long bytes, double seconds, int connections) {
    }

    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("capture-bench-");
        try (FixtureServer site = new FixtureServer(r -> respond(r.path(), pages))) {
            String seed = "http://127.0.0.1:" + site.port() + "/p/0.html";
            crawl(Math.min(pages, 100), seed, dir.resolve("warmup.warc.gz"));
            System.out.printf("site: %d pages + %d images on 127.0.0.1 (%d resources); %d rounds, alternating%n",
                    pages, 2 * pages, 3 * pages, rounds);
            List<Run> captures = new ArrayList<>();
            List<Run> crawlers = new ArrayList<>();
            List<Run> wgets = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                // alternate which goes first, so that neither always runs on a warmer (or busier) machine
                boolean wgetFirst = round % 2 == 1;
                if (wgetFirst) wgets.add(print("wget --warc-file", wget(site, seed, dir, round)));
                captures.add(print("warctrail capture (+index+extract)", capture(site, seed, dir.resolve("store-" + round))));
                crawlers.add(print("warctrail crawler -> WARC", crawlerOnly(site, seed, dir.resolve("crawl-" + round + ".warc.gz"))));
                if (!wgetFirst) wgets.add(print("wget --warc-file", wget(site, seed, dir, round)));
            }
            double capture = median(captures);
            double crawler = median(crawlers);
            double wget = median(wgets);
            System.out.printf("median of %d: warctrail capture %.2f s, warctrail crawler %.2f s, wget %.2f s%n",
                    rounds, capture, crawler, wget);
            System.out.printf("ratio capture/wget: %.2fx the time (goal <= 1.0)%n", capture / wget);
            System.out.printf("ratio crawler/wget: %.2fx the time%n", crawler / wget);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Run capture(FixtureServer site, String seed, Path store) throws IOException {
        int before = site.connections();
        long t0 = System.nanoTime();
        CrawlSummary summary;
        try (Archive archive = Archives.open(store, m -> { })) {
            summary = archive.capture(config(Integer.MAX_VALUE, seed), 1L << 30, null);
        }
        return new Run(summary.pages() + summary.resources(), summary.bytes(), (System.nanoTime() - t0) / 1e9,
                site.connections() - before);
    }

    private static Run crawlerOnly(FixtureServer site, String seed, Path warc) throws IOException {
        int before = site.connections();
        long t0 = System.nanoTime();
        CrawlSummary summary = crawl(Integer.MAX_VALUE, seed, warc);
        return new Run(summary.pages() + summary.resources(), summary.bytes(), (System.nanoTime() - t0) / 1e9,
                site.connections() - before);
    }

    private static Run wget(FixtureServer site, String seed, Path dir, int round) throws Exception {
        int before = site.connections();
        Path warc = dir.resolve("wget-" + round);
        long t0 = System.nanoTime();
        Process wget = new ProcessBuilder("wget", "--warc-file=" + warc, "-r", "-l", "inf",
                "--delete-after", "-e", "robots=off", "-q", "-P", dir.resolve("wget-files-" + round).toString(), seed)
                .inheritIO().start();
        int exit = wget.waitFor();
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (exit != 0 && exit != 8) {
            System.out.println("wget exited with " + exit);
        }
        long[] counts = countResponses(Path.of(warc + ".warc.gz"));
        return new Run(counts[0], counts[1], seconds, site.connections() - before);
    }

    private static double median(List<Run> runs) {
        double[] s = runs.stream().mapToDouble(Run::seconds).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static Run print(String name, Run run) {
        System.out.printf("%-36s %5d resources, %6.1f MB in %6.2f s = %7.1f resources/s, %6.2f MB/s, %d connection(s)%n",
                name, run.resources(), run.bytes() / 1e6, run.seconds(), run.resources() / run.seconds(),
                run.bytes() / 1e6 / run.seconds(), run.connections());
        return run;
    }

    private static CrawlConfig config(int maxPages, String seed) {
        return CrawlConfig.builder(URI.create(seed)).depth(1_000_000).follow(FollowMode.ALL)
                .delayMillis(0).obeyRobots(false).maxPages(maxPages).build();
    }

    private static CrawlSummary crawl(int maxPages, String seed, Path warc) throws IOException {
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
