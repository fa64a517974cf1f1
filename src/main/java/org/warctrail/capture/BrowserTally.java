package org.warctrail.capture;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a browser capture has done so far, counted as the crawler counts (pages, resources, bytes, failures) and told
 * to the {@link CaptureListener} as it happens; the limits of the {@link CrawlConfig} are checked against it.
 * Thread-safe: a page's requests are recorded on several threads.
 */
final class BrowserTally {
    private static final Logger log = LoggerFactory.getLogger(BrowserTally.class);

    private final CrawlConfig config;
    private final CaptureListener listener;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<CapturedResource> captured = new ArrayList<>();
    private final List<CaptureFailure> failures = new ArrayList<>();
    private final long startNanos = System.nanoTime();
    private int pages;
    private int resources;
    private long bytes;
    private int queued;

    BrowserTally(CrawlConfig config, CaptureListener listener) {
        this.config = config;
        this.listener = listener == null ? CaptureListener.NONE : listener;
    }

    void cancel() {
        cancelled.set(true);
    }

    /** Why the capture must stop now (cancelled, byte or time limit), or null. */
    synchronized String stopReason() {
        if (cancelled.get()) return "cancelled";
        if (bytes >= config.maxTotalBytes()) return "byte limit of " + config.maxTotalBytes() + " reached";
        if (config.timeLimit() != null && System.nanoTime() - startNanos >= config.timeLimit().toNanos()) {
            return "time limit of " + config.timeLimit().toSeconds() + " s reached";
        }
        return null;
    }

    synchronized int pages() {
        return pages;
    }

    synchronized void queued(int size) {
        queued = size;
    }

    /** A response or revisit written: a page when it is the document a page visit rendered. */
    void recorded(Exchange exchange, boolean revisit, int depth, URI via, boolean page) {
        CapturedResource resource = new CapturedResource(exchange.url().toString(),
                TimestampFormat.format(exchange.date()), exchange.head().status(), exchange.head().mediaType(),
                exchange.response().size(), revisit, depth, via == null ? null : via.toString());
        CrawlProgress progress;
        synchronized (this) {
            bytes += exchange.response().size();
            if (page) pages++;
            else resources++;
            captured.add(resource);
            progress = progress();
        }
        listener.fetched(resource);
        listener.progress(progress);
    }

    void failed(String url, String reason) {
        CaptureFailure failure = new CaptureFailure(url, reason);
        synchronized (this) {
            failures.add(failure);
        }
        log.debug("not captured: {}: {}", url, reason);
        listener.failed(failure);
    }

    synchronized CrawlSummary summary(String stopReason, int connections) {
        return new CrawlSummary(captured, pages, resources, bytes, seconds(), failures, stopReason, connections);
    }

    private CrawlProgress progress() {
        double seconds = seconds();
        double rateBase = Math.max(seconds, 1e-3);
        return new CrawlProgress(pages, resources, bytes, (pages + resources) / rateBase, bytes / rateBase, queued,
                failures.size(), seconds);
    }

    private double seconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
