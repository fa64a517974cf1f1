package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.CaptureFailure;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CapturedResource;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlProgress;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.capture.FollowMode;
import org.warctrail.store.RotatingWarcWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code capture [options] URL...}: archive pages, their requisites and (to a depth) what they cite. */
@Command(name = "capture", mixinStandardHelpOptions = true,
        description = "Capture the URLs, their requisites and, to --depth N, the pages they link to, into WARC files;"
                + " index what was captured.")
public final class CaptureCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Parameters(arity = "1..*", paramLabel = "URL", description = "Pages to capture (http or https).")
    List<String> urls;

    @Option(names = "--depth", defaultValue = "0", description = "Link hops to follow from the seeds (default: 0).")
    int depth;

    @Option(names = "--follow", paramLabel = "sources|all|same-host",
            description = "Which links to follow: sources (continuations, citations, attributions, image credits,"
                    + " canonical, syndication; the default), all, or same-host.")
    String follow;

    @Option(names = "--no-requisites", negatable = true, defaultValue = "true",
            description = "Also capture each page's images, CSS, scripts and icons (default: yes).")
    boolean requisites;

    @Option(names = "--ignore-robots", description = "Do not obey robots.txt.")
    boolean ignoreRobots;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "1000",
            description = "Pause between requests to one host, in milliseconds (default: 1000).")
    long delay;

    @Option(names = "--threads", paramLabel = "N", description = "Hosts fetched at once, each still one request at a"
            + " time with its delay (default: the cores, at least 4; 1 fetches one URL at a time).")
    Integer threads;

    @Option(names = "--max-pages", defaultValue = "1000", description = "Stop after this many pages: documents fetched"
            + " as HTML or PDF; requisites, redirects and error responses do not count (default: 1000).")
    int maxPages;

    @Option(names = "--max-bytes", paramLabel = "BYTES", defaultValue = "10737418240",
            description = "Stop after this many bytes in total (default: 10 GiB).")
    long maxBytes;

    @Option(names = "--max-response-bytes", paramLabel = "BYTES", defaultValue = "104857600",
            description = "Truncate any one response at this many bytes (default: 100 MiB).")
    long maxResponseBytes;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect and read timeout per request (default: 30).")
    long timeout;

    @Option(names = "--time-limit", paramLabel = "SECONDS", description = "Stop the whole capture after this long.")
    Long timeLimit;

    @Option(names = "--user-agent", description = "User-Agent header (default names warctrail and a contact URL).")
    String userAgent;

    @Mixin
    ProxyOptions network;

    @Option(names = "--max-file-size", paramLabel = "BYTES", defaultValue = "" + RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE,
            description = "Start a new WARC file past this size (default: 1 GiB).")
    long maxFileSize;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Mixin
    BrowserCaptureOptions browser;

    @Override
    public Integer call() throws Exception {
        CrawlConfig config = config();
        PrintStream out = System.out;
        CaptureListener listener = json ? CaptureListener.NONE : new ProgressLine(System.err, System.console() != null);
        CrawlSummary summary;
        String underived;
        try (Archive archive = Archives.open(store.dir(), System.err::println)) {
            summary = browser.enabled() ? archive.captureWithBrowser(config, browser.options(), maxFileSize, listener)
                    : archive.capture(config, maxFileSize, listener);
            underived = archive.derivations().status().failureNotice();
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(jsonOf(summary)));
        } else {
            printSummary(summary, out);
        }
        if (underived != null) System.err.println("warctrail: " + underived);
        return summary.captured().isEmpty() && !summary.failures().isEmpty() ? 1 : 0;
    }

    CrawlConfig config() {
        CrawlConfig.Builder b = CrawlConfig.builder();
        for (String url : urls) b.seed(parseUrl(url));
        b.depth(depth)
                .requisites(requisites)
                .obeyRobots(!ignoreRobots)
                .delayMillis(delay)
                .maxPages(maxPages)
                .maxTotalBytes(maxBytes)
                .maxResponseBytes(maxResponseBytes)
                .timeout(Duration.ofSeconds(timeout));
        network.apply(b);
        if (follow != null) b.follow(FollowMode.parse(follow));
        if (timeLimit != null) b.timeLimit(Duration.ofSeconds(timeLimit));
        if (userAgent != null) b.userAgent(userAgent);
        if (threads != null) b.threads(threads);
        return b.build();
    }

    static URI parseUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http or https URL: " + url);
        }
        return uri;
    }

    static Map<String, Object> jsonOf(CrawlSummary summary) {
        List<Map<String, Object>> captured = new ArrayList<>();
        for (CapturedResource r : summary.captured()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("url", r.url());
            m.put("timestamp", r.timestamp());
            m.put("status", r.status());
            m.put("type", r.type());
            m.put("revisit", r.revisit());
            captured.add(m);
        }
        List<Map<String, Object>> failures = new ArrayList<>();
        for (CaptureFailure f : summary.failures()) {
            failures.add(Map.of("url", f.url(), "reason", f.reason()));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("captured", captured);
        doc.put("pages", summary.pages());
        doc.put("resources", summary.resources());
        doc.put("bytes", summary.bytes());
        doc.put("seconds", Math.round(summary.seconds() * 1000) / 1000.0);
        doc.put("failures", failures);
        doc.put("stopReason", summary.stopReason());
        doc.put("connections", summary.connections());
        return doc;
    }

    private static void printSummary(CrawlSummary s, PrintStream out) {
        for (CapturedResource r : s.captured()) {
            out.printf("%s %3d %-24s %s%s%n", r.timestamp(), r.status(), r.type() == null ? "-" : r.type(), r.url(),
                    r.revisit() ? " (unchanged: revisit)" : "");
        }
        // Failures were reported as they happened (on stderr); the summary counts them.
        out.printf("captured %d page(s) and %d other resource(s), %.1f MB in %.1f s over %d connection(s)%s%s%n",
                s.pages(), s.resources(), s.bytes() / 1e6, s.seconds(), s.connections(),
                s.failures().isEmpty() ? "" : ", " + s.failures().size() + " failed",
                s.stopReason() == null ? "" : " (stopped: " + s.stopReason() + ")");
    }

    /** A live progress line on a terminal; fetched URLs scroll above it. */
    private static final class ProgressLine implements CaptureListener {
        private final PrintStream err;
        private final boolean terminal;

        ProgressLine(PrintStream err, boolean terminal) {
            this.err = err;
            this.terminal = terminal;
        }

        @Override
        public void progress(CrawlProgress p) {
            if (!terminal) return;
            err.printf("\r%d pages, %d resources, %.1f MB, %.1f fetches/s, %d queued, %d failed   ", p.pages(),
                    p.resources(), p.bytes() / 1e6, p.fetchesPerSecond(), p.queued(), p.failures());
            err.flush();
        }

        @Override
        public void failed(CaptureFailure failure) {
            if (terminal) err.print("\r");
            err.println("failed: " + failure.url() + ": " + failure.reason());
        }
    }
}
