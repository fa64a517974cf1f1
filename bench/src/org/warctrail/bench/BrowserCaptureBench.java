package org.warctrail.bench;

/*
 * Browser capture against the socket crawler on the same fixture pages, and the memory of the browser.
 *
 * Run (from the repository root; Debian's chromium must be installed): bench/browser-capture.sh [PAGES]
 *
 * It starts the fixture web (FixtureWeb, behind its proxy on loopback) and captures PAGES pages (default 20): half
 * the JavaScript-built story (ScriptedNewsSite: a shell, a script, a JSON endpoint, two images, one loaded on
 * scroll) and half the blog post (static HTML, CSS with @import, images), each under its own query string so
 * that every one is a page of its own, with the whole product path (WARC files, index, extraction) into fresh
 * stores: once with the socket crawler (Archive.capture) and once through the browser (Archive.captureWithBrowser),
 * delay 0, robots obeyed, in alternating rounds (3 by default). It prints pages/s of each and their ratio, the
 * median of the rounds, and the browser's memory: the peak, over the run, of the summed RSS and PSS (proportional
 * set size, shared pages divided among the processes sharing them) of the Chromium processes, sampled every 100 ms
 * from /proc.
 */

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.BrowserOptions;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.ScriptedNewsSite;

public final class BrowserCaptureBench {
    public static void main(String[] args) throws Exception {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<URI> seeds = new ArrayList<>();
        for (int i = 0; i < pages; i++) {
            URI page = i % 2 == 0 ? ScriptedNewsSite.STORY : FixtureWeb.BLOG_POST;
            seeds.add(URI.create(page + "?bench=" + i));
        }
        Path dir = Files.createTempDirectory("browser-bench-");
        double[] socket = new double[rounds];
        double[] browser = new double[rounds];
        long peakRss = 0;
        long peakPss = 0;
        int socketResources = 0;
        int browserResources = 0;
        try (FixtureWeb web = FixtureWeb.start()) {
            CrawlConfig config = CrawlConfig.builder().seeds(seeds).delayMillis(0).maxPages(pages)
                    .proxy(web.proxy()).build();
            for (int round = 0; round < rounds; round++) {
                try (Archive archive = Archives.open(dir.resolve("socket-" + round), m -> { })) {
                    long t0 = System.nanoTime();
                    CrawlSummary s = archive.capture(config, 1L << 30, null);
                    socket[round] = s.pages() / ((System.nanoTime() - t0) / 1e9);
                    socketResources = s.pages() + s.resources();
                }
                try (Archive archive = Archives.open(dir.resolve("browser-" + round), m -> { });
                     MemorySampler memory = new MemorySampler()) {
                    long t0 = System.nanoTime();
                    CrawlSummary s = archive.captureWithBrowser(config, BrowserOptions.defaults(), 1L << 30, null);
                    browser[round] = s.pages() / ((System.nanoTime() - t0) / 1e9);
                    browserResources = s.pages() + s.resources();
                    peakRss = Math.max(peakRss, memory.peakRss.get());
                    peakPss = Math.max(peakPss, memory.peakPss.get());
                }
                System.out.printf("round %d: socket crawler %.2f pages/s, browser %.2f pages/s%n", round + 1,
                        socket[round], browser[round]);
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        double s = median(socket);
        double b = median(browser);
        System.out.printf("%d pages (%d scripted stories, %d blog posts), whole capture path (WARC + index + extraction)%n",
                pages, (pages + 1) / 2, pages / 2);
        System.out.printf("socket crawler: %6.2f pages/s (median of %d), %d responses%n", s, rounds, socketResources);
        System.out.printf("browser:        %6.2f pages/s (median of %d), %d responses%n", b, rounds, browserResources);
        System.out.printf("ratio browser/socket: %.3fx%n", b / s);
        System.out.printf("browser memory (peak, all Chromium processes): RSS %.0f MB, PSS %.0f MB%n",
                peakRss / 1e6, peakPss / 1e6);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** Samples the memory of the processes started with a warctrail Chromium profile, every 100 ms. */
    private static final class MemorySampler implements AutoCloseable {
        final AtomicLong peakRss = new AtomicLong();
        final AtomicLong peakPss = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        MemorySampler() {
            thread = new Thread(() -> {
                while (running) {
                    long rss = 0;
                    long pss = 0;
                    for (ProcessHandle p : ProcessHandle.allProcesses().toList()) {
                        if (!isBrowser(p)) continue;
                        rss += kilobytes(Path.of("/proc", "" + p.pid(), "status"), "VmRSS:") * 1024;
                        pss += kilobytes(Path.of("/proc", "" + p.pid(), "smaps_rollup"), "Pss:") * 1024;
                    }
                    long r = rss;
                    long q = pss;
                    peakRss.accumulateAndGet(r, Math::max);
                    peakPss.accumulateAndGet(q, Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "memory-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private static boolean isBrowser(ProcessHandle p) {
            try {
                String cmdline = Files.readString(Path.of("/proc", "" + p.pid(), "cmdline"));
                return cmdline.contains("warctrail-chromium-");
            } catch (IOException e) {
                return false;
            }
        }

        private static long kilobytes(Path file, String field) {
            try {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith(field)) return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            } catch (IOException | RuntimeException e) {
                // the process ended between listing and reading
            }
            return 0;
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }
}
