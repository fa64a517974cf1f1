package org.warctrail.capture;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A polite breadth-first crawler that writes what it fetches as WARC records. Several hosts are fetched at once
 * ({@link CrawlConfig#threads()}), each host one request at a time with its pause between two; the fetch threads
 * also find each payload's links, and this crawler's thread records the exchanges as they end, in that order,
 * and decides what to fetch next. One host's URLs are fetched, and recorded, in the order they were queued;
 * with one thread the whole crawl is in the order of a one-request-at-a-time crawl.
 *
 * <p>Counting: a <em>page</em> is a document fetched successfully as HTML or PDF (not as a requisite); every other
 * response (requisites, robots.txt, redirects, error responses) is a <em>resource</em>. The page limit counts pages
 * only; once it is reached no further page is fetched, but the requisites of the pages captured still are, so the
 * last page is complete. A URL that may turn out a page waits while the fetches under way could reach the limit.
 *
 * <p>Scope: the seeds; the requisites of every captured page at the page's depth; and, while the depth
 * is below {@link CrawlConfig#depth()}, the outlinks the {@link FollowMode} selects, one depth further.
 * Redirects are followed at the same depth, each hop recorded. Limits on pages, bytes and time, and the
 * seen-set's session-id stripping, keep crawler traps bounded.
 *
 * <p>Create one per run; {@link #cancel()} may be called from another thread. The {@link LinkFinder} is called
 * from the fetch threads, several at once; listener and sink are called on the thread that runs the crawl.
 */
public final class Crawler {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    /** Longest wait for a fetch to end or a host's pause to pass before limits are checked again. */
    private static final long MAX_WAIT_NANOS = 100_000_000L;

    private final CrawlConfig config;
    private final LinkFinder linkFinder;
    private final CaptureListener listener;
    private final SocketFetcher fetcher;
    private final ExchangeRecorder recorder;
    private final Frontier frontier = new Frontier();
    private final CrawlScope scope;
    private final Map<String, RobotsVerdict> robots = new HashMap<>();
    private final Map<String, Long> hostDelayMillis = new HashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<CapturedResource> captured = new ArrayList<>();
    private final List<CaptureFailure> failures = new ArrayList<>();
    private final String robotName;
    private int pages;
    private int resources;
    /** Fetches under way of URLs that may turn out pages (not requisites, not robots.txt). */
    private int possiblePages;
    private boolean pageLimitHit;
    private long bytes;
    private long startNanos;

    public Crawler(CrawlConfig config, RecordSink sink, PayloadHistory history, LinkFinder linkFinder,
                   CaptureListener listener) {
        this.config = config;
        this.scope = new CrawlScope(config);
        this.linkFinder = linkFinder;
        this.listener = listener == null ? CaptureListener.NONE : listener;
        this.fetcher = new SocketFetcher(config);
        this.recorder = new ExchangeRecorder(sink, history == null ? PayloadHistory.NONE : history);
        this.robotName = config.userAgent().split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** Asks a running crawl to stop after the fetches under way. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Crawls until the frontier is empty or a limit is reached.
     *
     * @throws IOException when the sink fails to write; fetch errors are reported as failures instead
     */
    public CrawlSummary run() throws IOException {
        try (fetcher; FetchThreads threads = new FetchThreads(config.threads())) {
            return crawl(threads);
        }
    }

    private CrawlSummary crawl(FetchThreads threads) throws IOException {
        startNanos = System.nanoTime();
        for (URI seed : config.seeds()) {
            frontier.offer(CrawlUrl.seed(UrlKey.withoutFragment(seed)));
        }
        String stopReason = null;
        while (true) {
            if (stopReason == null) {
                stopReason = limitReached(0);
            }
            boolean waitingForPages = false;
            if (stopReason == null) {
                waitingForPages = startReady(threads, Integer.MAX_VALUE);
            }
            if (threads.running() == 0) {
                if (stopReason != null || frontier.isEmpty()) {
                    break;
                }
                sleepNanos(Math.min(frontier.nanosUntilReady(System.nanoTime()), MAX_WAIT_NANOS));
                continue;
            }
            long wait = stopReason != null || waitingForPages || threads.running() >= config.threads()
                    ? MAX_WAIT_NANOS : Math.min(frontier.nanosUntilReady(System.nanoTime()), MAX_WAIT_NANOS);
            Fetched done = next(threads, Math.max(wait, 1));
            if (done == null) {
                continue;
            }
            finished(done);
            if (stopReason == null && limitReached(responseBytes(done)) == null) {
                // The next URL of a host (or the next of all, on one thread) may start before this one is
                // recorded, so that fetching overlaps recording, when nothing recording this one adds (links,
                // requisites, redirects: queued at its depth or deeper, after everything queued) could come first.
                startReady(threads, done.item().depth());
            }
            handle(done);
            if (done.robots() == null && !done.item().requisite()) {
                possiblePages--; // counted in pages now, if it was one
            }
        }
        if (stopReason == null && pageLimitHit) {
            stopReason = "page limit of " + config.maxPages() + " reached";
        }
        return new CrawlSummary(captured, pages, resources, bytes, elapsedSeconds(), failures, stopReason,
                fetcher.connectionsOpened());
    }

    private Fetched next(FetchThreads threads, long waitNanos) {
        try {
            return threads.next(waitNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
            return null;
        }
    }

    private String limitReached(long pendingBytes) {
        if (cancelled.get()) {
            return "cancelled";
        }
        if (bytes + pendingBytes >= config.maxTotalBytes()) {
            return "byte limit of " + config.maxTotalBytes() + " reached";
        }
        if (config.timeLimit() != null && System.nanoTime() - startNanos >= config.timeLimit().toNanos()) {
            return "time limit of " + config.timeLimit().toSeconds() + " s reached";
        }
        return null;
    }

    private static long responseBytes(Fetched done) {
        long n = 0;
        for (Exchange e : done.exchanges()) {
            n += e.response().size();
        }
        return n;
    }

    /**
     * Starts fetches of the URLs whose hosts are neither busy nor paused, best first, while threads are free,
     * taking none deeper than {@code maxDepth}. Returns whether it stopped at a URL that must wait for the
     * fetches under way to tell whether the page limit is reached.
     */
    private boolean startReady(FetchThreads threads, int maxDepth) {
        while (threads.running() < config.threads()) {
            CrawlUrl next = frontier.poll(System.nanoTime());
            if (next == null) {
                return false;
            }
            if (next.depth() > maxDepth) {
                frontier.undoPoll(next);
                return false;
            }
            if (!next.requisite() && pages >= config.maxPages()) {
                pageLimitHit = true; // no more pages; the requisites of those captured still come
                continue;
            }
            if (!next.requisite() && pages + possiblePages >= config.maxPages()) {
                frontier.undoPoll(next);
                return true;
            }
            start(threads, next);
        }
        return false;
    }

    private void start(FetchThreads threads, CrawlUrl item) {
        String host = item.host();
        if (config.obeyRobots()) {
            String robotsKey = robotsKey(item.url());
            RobotsVerdict verdict = robots.get(robotsKey);
            if (verdict == null) {
                frontier.putBack(item); // fetched after robots.txt and the host's pause, like any other request
                frontier.busy(host);
                threads.start(item, () -> Fetched.robots(item, RobotsFetch.fetch(fetcher, item.url(), robotName)));
                return;
            }
            if (!verdict.allows(item.url().toString())) {
                fail(item.url(), verdict.unavailable() != null ? verdict.unavailable() : "blocked by robots.txt");
                listener.progress(progress());
                return;
            }
        }
        frontier.busy(host);
        if (!item.requisite()) {
            possiblePages++;
        }
        threads.start(item, () -> fetch(item));
    }

    /** On a fetch thread: fetches the URL and finds the links of its payload. */
    private Fetched fetch(CrawlUrl item) {
        Exchange exchange;
        try {
            exchange = fetcher.fetch(item.url(), ResponseKinds::keepForLinks);
        } catch (IOException | RuntimeException e) {
            return Fetched.failed(item, e);
        }
        long end = System.nanoTime();
        boolean document = !item.requisite() && ResponseKinds.isDocument(exchange);
        List<DiscoveredLink> links = null;
        String linkFailure = null;
        ResponseHead head = exchange.head();
        if (!head.isRedirect() && head.status() >= 200 && head.status() < 300 && exchange.payloadSample() != null) {
            try {
                links = findLinks(item, exchange);
            } catch (IOException | RuntimeException e) {
                linkFailure = "links not extracted: " + CaptureFailure.reasonOf(e);
            }
        }
        return new Fetched(item, end, exchange, document, links, linkFailure, null, null);
    }

    /** The host's request ended: it may be fetched again after its pause. */
    private void finished(Fetched done) {
        CrawlUrl item = done.item();
        long until = done.endNanos() + delayMillis(item.host()) * 1_000_000L;
        if (done.robots() != null) {
            robots.put(robotsKey(item.url()), done.robots().verdict()); // known before the host's next URL starts
            applyCrawlDelay(item.host(), done.robots().verdict());
            until = done.endNanos() + delayMillis(item.host()) * 1_000_000L; // the Crawl-delay holds from here on
            for (Exchange e : done.robots().exchanges()) {
                String other = e.url().getHost().toLowerCase(Locale.ROOT);
                if (!other.equals(item.host())) {
                    frontier.pauseHost(other, done.endNanos() + delayMillis(other) * 1_000_000L);
                }
            }
        }
        frontier.release(item.host(), until);
    }

    /** Records what a fetch brought and follows it. */
    private void handle(Fetched done) throws IOException {
        CrawlUrl item = done.item();
        if (done.error() instanceof Error e) {
            throw e;
        }
        if (done.robots() != null) {
            recordRobots(item, done.robots());
        } else if (done.error() != null) {
            fail(item.url(), CaptureFailure.reasonOf((Exception) done.error()));
        } else {
            try (Exchange exchange = done.exchange()) {
                boolean revisit = recorder.write(exchange);
                record(exchange, revisit, item.depth(), item.via(), done.document());
                ResponseHead head = exchange.head();
                if (head.isRedirect()) {
                    followRedirect(item, head.first("Location").orElseThrow());
                } else if (done.linkFailure() != null) {
                    fail(item.url(), done.linkFailure());
                } else if (done.links() != null) {
                    followLinks(item, done.links());
                }
            }
        }
        listener.progress(progress());
    }

    private void recordRobots(CrawlUrl item, RobotsFetch.Result result) throws IOException {
        List<Exchange> exchanges = result.exchanges();
        for (int i = 0; i < exchanges.size(); i++) {
            try (Exchange exchange = exchanges.get(i)) {
                recorder.write(exchange);
                record(exchange, false, item.depth(), null, false);
            } catch (IOException | RuntimeException | Error e) {
                for (Exchange rest : exchanges.subList(i + 1, exchanges.size())) {
                    rest.close();
                }
                throw e;
            }
        }
    }

    private void record(Exchange exchange, boolean revisit, int depth, URI via, boolean page) {
        bytes += exchange.response().size();
        if (page) {
            pages++;
        } else {
            resources++;
        }
        CapturedResource resource = new CapturedResource(exchange.url().toString(),
                TimestampFormat.format(exchange.date()), exchange.head().status(), exchange.head().mediaType(),
                exchange.response().size(), revisit, depth, via == null ? null : via.toString());
        captured.add(resource);
        listener.fetched(resource);
    }

    private void followRedirect(CrawlUrl item, String location) {
        CrawlScope.Redirect redirect = scope.fromRedirect(item, location);
        if (redirect.next() != null) offer(redirect.next());
        else fail(redirect.failedAt(), redirect.failure());
    }

    /** On a fetch thread: the links of a payload kept for them, or null when it is not markup. */
    private List<DiscoveredLink> findLinks(CrawlUrl item, Exchange exchange) throws IOException {
        String contentType = exchange.head().first("Content-Type").orElse(null);
        byte[] payload = PayloadDecoder.decode(exchange.payloadSample(),
                exchange.head().first("Content-Encoding").orElse(null));
        if (contentType == null && !ResponseKinds.looksLikeHtml(payload)) {
            return null;
        }
        return config.follow() == FollowMode.SOURCES ? linkFinder.find(item.url(), contentType, payload)
                : linkFinder.findWithoutRoles(item.url(), contentType, payload);
    }

    private void followLinks(CrawlUrl item, List<DiscoveredLink> links) {
        for (CrawlUrl next : scope.fromLinks(item, links)) offer(next);
    }

    private void offer(CrawlUrl url) {
        if (CrawlScope.admissible(url)) frontier.offer(url);
    }

    private void applyCrawlDelay(String host, RobotsVerdict verdict) {
        long delay = verdict.crawlDelayMillis();
        if (delay > config.delayMillis()) {
            hostDelayMillis.put(host, Math.min(delay, config.maxCrawlDelay().toMillis()));
        }
    }

    private long delayMillis(String host) {
        return hostDelayMillis.getOrDefault(host, config.delayMillis());
    }

    private void fail(URI url, String reason) {
        CaptureFailure failure = new CaptureFailure(url.toString(), reason);
        failures.add(failure);
        log.debug("not captured: {}: {}", url, reason);
        listener.failed(failure);
    }

    private CrawlProgress progress() {
        double seconds = elapsedSeconds();
        double rateBase = Math.max(seconds, 1e-3);
        return new CrawlProgress(pages, resources, bytes, (pages + resources) / rateBase, bytes / rateBase,
                frontier.size(), failures.size(), seconds);
    }

    private double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static String robotsKey(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort();
    }

    /** Waits for a host's pause to end; an interrupt cancels the crawl. */
    private void sleepNanos(long nanos) {
        try {
            Thread.sleep(Math.max(1, nanos / 1_000_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelled.set(true);
        }
    }
}
