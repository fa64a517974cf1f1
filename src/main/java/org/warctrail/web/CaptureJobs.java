package org.warctrail.web;

import io.javalin.http.ConflictResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warctrail.app.Archive;
import org.warctrail.capture.BrowserOptions;
import org.warctrail.capture.CaptureFailure;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CapturedResource;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlProgress;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.store.RotatingWarcWriter;

/**
 * Captures started from the UI, one at a time, on a background thread, as the capture command does (the archive's
 * crawler writes new WARC files, indexing what it captures as it is written) and reports to the job's followers. Targets
 * on private, loopback and link-local addresses are refused, on every connection the crawler makes (so on every
 * redirect hop), unless the server was started to allow them.
 */
public final class CaptureJobs implements AutoCloseable {
    /** Guards this object's state: a lock of its own, not this public object. */
    private final Object lock = new Object();

    private static final Logger log = LoggerFactory.getLogger(CaptureJobs.class);
    public static final int MAX_DEPTH = 5;
    public static final int MAX_SEEDS = 50;
    /** How long a finished job stays to be looked at (its report, its replayed events) before it is forgotten. */
    public static final Duration KEEP_FINISHED = Duration.ofHours(1);
    /** How long closing waits for an interrupted capture to end. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final Archive archive;
    private final UnaryOperator<CrawlConfig.Builder> settings;
    private final boolean allowPrivate;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warctrail-ui-capture");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, CaptureJob> jobs = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile CaptureJob current;
    private volatile BrowserOptions browser;
    private volatile boolean closing;
    private final Clock clock;
    private final Duration keepFinished;

    /**
     * @param settings     crawl settings beyond seed, depth and target policy (proxy, delay, limits), as the
     *                     capture command takes them
     * @param allowPrivate whether private, loopback and link-local targets may be captured ({@code --allow-private})
     */
    public CaptureJobs(Archive archive, UnaryOperator<CrawlConfig.Builder> settings, boolean allowPrivate) {
        this(archive, settings, allowPrivate, Clock.systemUTC(), KEEP_FINISHED);
    }

    /** @param keepFinished how long a finished job is kept, by {@code clock} */
    public CaptureJobs(Archive archive, UnaryOperator<CrawlConfig.Builder> settings, boolean allowPrivate, Clock clock,
                       Duration keepFinished) {
        this.archive = archive;
        this.settings = settings;
        this.allowPrivate = allowPrivate;
        this.clock = clock;
        this.keepFinished = keepFinished;
    }

    /**
     * Lets captures from the UI go through a headless browser ({@link Archive#captureWithBrowser}) when asked;
     * without it, they are refused.
     */
    public CaptureJobs browser(BrowserOptions options) {
        this.browser = options;
        return this;
    }

    public Optional<CaptureJob> job(long id) {
        evictFinished();
        return Optional.ofNullable(jobs.get(id));
    }

    /** Forgets jobs that ended longer ago than they are kept, so a long-running server's memory stays flat. */
    private void evictFinished() {
        Instant oldest = clock.instant().minus(keepFinished);
        jobs.values().removeIf(job -> {
            Instant at = job.finishedAt();
            return at != null && at.isBefore(oldest);
        });
    }

    /** Starts capturing, or refuses: a bad URL or target (IllegalArgumentException), another capture running (409). */
    public CaptureJob start(String url, int depth) {
        return start(List.of(url == null ? "" : url), depth);
    }

    /** Captures several seeds in one crawl (the gaps of a provenance chain); the job is named by the first. */
    public CaptureJob start(List<String> urls, int depth) {
        return start(urls, depth, false);
    }

    /** As above, through the headless browser when {@code throughBrowser} (refused when none is set). */
    public CaptureJob start(List<String> urls, int depth, boolean throughBrowser) {
        BrowserOptions withBrowser = throughBrowser ? browser : null;
        if (throughBrowser && withBrowser == null) {
            throw new IllegalArgumentException("this server captures without a browser");
        }
        synchronized (lock) {
            evictFinished();
            if (urls.isEmpty()) throw new IllegalArgumentException("give the URL to capture");
            if (urls.size() > MAX_SEEDS) throw new IllegalArgumentException("at most " + MAX_SEEDS + " URLs at once, not " + urls.size());
            List<URI> seeds = urls.stream().map(CaptureJobs::checkedUrl).distinct().toList();
            if (depth < 0 || depth > MAX_DEPTH) throw new IllegalArgumentException("depth must be 0.." + MAX_DEPTH + ", not " + depth);
            if (!allowPrivate) seeds.forEach(CaptureJobs::refusePrivate);
            CaptureJob running = current;
            if (running != null && !running.finished()) {
                throw new ConflictResponse("a capture is already running: " + running.url() + " (" + running.eventsHref() + ")");
            }
            CaptureJob job = new CaptureJob(ids.incrementAndGet(), seeds.get(0).toString(), depth);
            jobs.put(job.id(), job);
            current = job;
            worker.submit(() -> run(job, seeds, withBrowser));
            return job;
        }
    }

    private void run(CaptureJob job, List<URI> seeds, BrowserOptions withBrowser) {
        job.running();
        CrawlConfig.Builder builder = settings.apply(CrawlConfig.builder(seeds.toArray(URI[]::new)))
                .depth(job.depth())
                .allowTarget(allowPrivate ? TargetPolicy.any() : TargetPolicy.publicOnly());
        CaptureListener listener = new CaptureListener() {
            @Override
            public void fetched(CapturedResource resource) {
                job.publish("fetched", resource);
            }

            @Override
            public void failed(CaptureFailure failure) {
                job.publish("failed", failure);
            }

            @Override
            public void progress(CrawlProgress progress) {
                job.publish("progress", progress);
            }
        };
        try {
            CrawlSummary summary = withBrowser == null
                    ? archive.capture(builder.build(), RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, listener)
                    : archive.captureWithBrowser(builder.build(), withBrowser, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE,
                    listener);
            job.finish(CaptureReport.of(summary), null, CaptureResult.of(job.url(), summary), clock.instant());
        } catch (IOException | RuntimeException e) {
            // a capture the server's stop interrupts is no fault to warn of
            if (closing) log.info("capture of {} from the UI stopped with the server: {}", job.url(), e.toString());
            else log.warn("capture of {} from the UI failed: {}", job.url(), e.toString());
            String message = "capture of " + job.url() + " failed: " + e.getMessage();
            job.finish(null, message, Map.of("error", message), clock.instant());
        }
    }

    /** An http(s) URL with a host, or IllegalArgumentException naming it; also checks the watches added from the UI. */
    static URI checkedUrl(String url) {
        if (url == null || url.isBlank()) throw new IllegalArgumentException("give the URL to capture");
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + url.strip());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("only http and https URLs can be captured: " + url.strip());
        }
        return uri;
    }

    /** The early, friendly refusal; the crawler checks again on every connection (DNS may change, redirects). */
    static void refusePrivate(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve " + uri.getHost() + ": nothing captured");
        }
        for (InetAddress a : addresses) {
            if (!TargetPolicy.isPublic(a)) {
                throw new IllegalArgumentException("refused: " + uri.getHost() + " resolves to " + a.getHostAddress()
                        + ", a private, loopback or link-local address (serve --allow-private to permit)");
            }
        }
    }

    /**
     * Ends the event streams of every job and waits (at most {@code wait}) for their request threads to return:
     * the server calls this before it stops Jetty, so no stream outlives the request it writes to.
     *
     * @return whether every stream ended in time
     */
    public boolean endStreams(Duration wait) {
        for (CaptureJob job : jobs.values()) job.endStreams();
        long deadline = System.nanoTime() + wait.toNanos();
        while (jobs.values().stream().anyMatch(j -> j.following() > 0)) {
            if (System.nanoTime() - deadline > 0) return false;
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Stops the running capture, if any (what it wrote so far stays in the store). */
    @Override
    public void close() {
        closing = true;
        worker.shutdownNow();
        try {
            // the capture's thread writes to the archive: let it end before the archive closes
            worker.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
