package org.warctrail.capture;

import crawlercommons.robots.SimpleRobotRulesParser;
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
 * A polite breadth-first crawler that writes what it fetches as WARC records. One thread, one request
 * at a time; the per-host pause lets other hosts proceed while one waits.
 *
 * <p>Counting: a <em>page</em> is a document fetched successfully as HTML or PDF (not as a requisite); every other
 * response (requisites, robots.txt, redirects, error responses) is a <em>resource</em>. The page limit counts pages
 * only; once it is reached no further page is fetched, but the requisites of the pages captured still are, so the
 * last page is complete.
 *
 * <p>Scope: the seeds; the requisites of every captured page at the page's depth; and, while the depth
 * is below {@link CrawlConfig#depth()}, the outlinks the {@link FollowMode} selects, one depth further.
 * Redirects are followed at the same depth, each hop recorded. Limits on pages, bytes and time, and the
 * seen-set's session-id stripping, keep crawler traps bounded.
 *
 * <p>Create one per run; {@link #cancel()} may be called from another thread.
 */
public final class Crawler {
    private static final Logger log = LoggerFactory.getLogger(Crawler.class);
    /** Requisites of requisites are followed this many levels (a stylesheet's @import's images are 2). */
    private static final int MAX_REQUISITE_HOPS = 3;
    private static final int MAX_URL_LENGTH = 2048;
    /** Robots.txt payloads larger than this are parsed from their first bytes only (as Google does at 500 KiB). */
    private static final int ROBOTS_LIMIT = 500 * 1024;

    private final CrawlConfig config;
    private final LinkFinder linkFinder;
    private final CaptureListener listener;
    private final SocketFetcher fetcher;
    private final ExchangeRecorder recorder;
    private final Frontier frontier = new Frontier();
    private final Map<String, RobotsVerdict> robots = new HashMap<>();
    private final Map<String, Long> hostDelayMillis = new HashMap<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final List<CapturedResource> captured = new ArrayList<>();
    private final List<CaptureFailure> failures = new ArrayList<>();
    private final String robotName;
    private int pages;
    private int resources;
    private boolean pageLimitHit;
    private long bytes;
    private long startNanos;

    public Crawler(CrawlConfig config, RecordSink sink, PayloadHistory history, LinkFinder linkFinder,
                   CaptureListener listener) {
        this.config = config;
        this.linkFinder = linkFinder;
        this.listener = listener == null ? CaptureListener.NONE : listener;
        this.fetcher = new SocketFetcher(config);
        this.recorder = new ExchangeRecorder(sink, history == null ? PayloadHistory.NONE : history);
        this.robotName = config.userAgent().split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** Asks a running crawl to stop after the current fetch. */
    public void cancel() {
        cancelled.set(true);
    }

    /**
     * Crawls until the frontier is empty or a limit is reached.
     *
     * @throws IOException when the sink fails to write; fetch errors are reported as failures instead
     */
    public CrawlSummary run() throws IOException {
        try (fetcher) {
            return crawl();
        }
    }

    private CrawlSummary crawl() throws IOException {
        startNanos = System.nanoTime();
        for (URI seed : config.seeds()) {
            frontier.offer(CrawlUrl.seed(UrlKey.withoutFragment(seed)));
        }
        String stopReason = null;
        while (!frontier.isEmpty()) {
            stopReason = limitReached();
            if (stopReason != null) {
                break;
            }
            long now = System.nanoTime();
            CrawlUrl next = frontier.poll(now);
            if (next == null) {
                sleepNanos(Math.min(frontier.nanosUntilReady(now), 100_000_000L));
                continue;
            }
            if (pages >= config.maxPages() && !next.requisite()) {
                pageLimitHit = true; // no more pages; the requisites of those captured still come
                continue;
            }
            process(next);
            listener.progress(progress());
        }
        if (stopReason == null && pageLimitHit) {
            stopReason = "page limit of " + config.maxPages() + " reached";
        }
        return new CrawlSummary(captured, pages, resources, bytes, elapsedSeconds(), failures, stopReason,
                fetcher.connectionsOpened());
    }

    private String limitReached() {
        if (cancelled.get()) {
            return "cancelled";
        }
        if (bytes >= config.maxTotalBytes()) {
            return "byte limit of " + config.maxTotalBytes() + " reached";
        }
        if (config.timeLimit() != null && System.nanoTime() - startNanos >= config.timeLimit().toNanos()) {
            return "time limit of " + config.timeLimit().toSeconds() + " s reached";
        }
        return null;
    }

    private void process(CrawlUrl item) throws IOException {
        String host = item.host();
        if (config.obeyRobots()) {
            String robotsKey = robotsKey(item.url());
            RobotsVerdict verdict = robots.get(robotsKey);
            if (verdict == null) {
                robots.put(robotsKey, fetchRobots(item));
                frontier.putBack(item); // fetched after the host's pause, like any other request
                return;
            }
            if (!verdict.allows(item.url().toString())) {
                fail(item.url(), verdict.unavailable() != null ? verdict.unavailable() : "blocked by robots.txt");
                return;
            }
        }
        Exchange exchange;
        try {
            exchange = fetcher.fetch(item.url(), Crawler::keepForLinks);
        } catch (IOException | RuntimeException e) {
            pauseHost(host);
            fail(item.url(), CaptureFailure.reasonOf(e));
            return;
        }
        pauseHost(host);
        try (exchange) {
            boolean revisit = recorder.write(exchange);
            record(exchange, revisit, item.depth(), item.via(), !item.requisite() && isDocument(exchange));
            ResponseHead head = exchange.head();
            if (head.isRedirect()) {
                followRedirect(item, head.first("Location").orElseThrow());
            } else if (head.status() >= 200 && head.status() < 300 && exchange.payloadSample() != null) {
                followLinks(item, exchange);
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
        URI target;
        try {
            target = UrlKey.withoutFragment(item.url().resolve(location.trim()));
        } catch (IllegalArgumentException e) {
            fail(item.url(), "redirect to an invalid Location: " + location);
            return;
        }
        if (!isHttp(target)) {
            fail(item.url(), "redirect to a non-HTTP URL: " + target);
            return;
        }
        String key = UrlKey.of(target);
        List<String> chain = new ArrayList<>(item.redirectChain());
        chain.add(UrlKey.of(item.url()));
        if (chain.contains(key)) {
            fail(target, "redirect loop: " + String.join(" -> ", chain) + " -> " + key);
            return;
        }
        if (chain.size() > config.maxRedirects()) {
            fail(target, "more than " + config.maxRedirects() + " redirects from " + chain.get(0));
            return;
        }
        offer(new CrawlUrl(target, item.depth(), item.url(), item.seedHost(), item.requisite(),
                item.requisiteHops(), List.copyOf(chain)));
    }

    private void followLinks(CrawlUrl item, Exchange exchange) {
        String contentType = exchange.head().first("Content-Type").orElse(null);
        List<DiscoveredLink> links;
        try {
            byte[] payload = PayloadDecoder.decode(exchange.payloadSample(),
                    exchange.head().first("Content-Encoding").orElse(null));
            if (contentType == null && !looksLikeHtml(payload)) {
                return;
            }
            links = linkFinder.find(item.url(), contentType, payload);
        } catch (IOException | RuntimeException e) {
            fail(item.url(), "links not extracted: " + CaptureFailure.reasonOf(e));
            return;
        }
        for (DiscoveredLink link : links) {
            URI url = link.url();
            if (url == null || !isHttp(url)) {
                continue;
            }
            url = UrlKey.withoutFragment(url);
            if (link.role() == LinkRole.REQUISITE) {
                if (config.requisites() && item.requisiteHops() < MAX_REQUISITE_HOPS) {
                    offer(new CrawlUrl(url, item.depth(), item.url(), item.seedHost(), true,
                            item.requisiteHops() + 1, List.of()));
                }
            } else if (!item.requisite() && item.depth() < config.depth() && follows(link.role(), url, item.seedHost())) {
                offer(new CrawlUrl(url, item.depth() + 1, item.url(), item.seedHost(), false, 0, List.of()));
            }
        }
    }

    private boolean follows(LinkRole role, URI url, String seedHost) {
        return switch (config.follow()) {
            case SOURCES -> role == LinkRole.SOURCE;
            case ALL -> true;
            case SAME_HOST -> url.getHost().equalsIgnoreCase(seedHost);
        };
    }

    private void offer(CrawlUrl url) {
        String s = url.url().toString();
        if (s.length() > MAX_URL_LENGTH || repeatsPathSegments(url.url().getRawPath())) {
            return; // the shape of a trap (ever-growing relative paths), not of a page
        }
        frontier.offer(url);
    }

    /** Fetches, records and parses robots.txt for the host of a URL, following up to five redirects. */
    private RobotsVerdict fetchRobots(CrawlUrl item) throws IOException {
        URI url = item.url().resolve("/robots.txt");
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 50);
        for (int hop = 0; hop <= 5; hop++) {
            Exchange exchange;
            try {
                exchange = fetcher.fetch(url, head -> head.status() >= 200 && head.status() < 300);
            } catch (IOException | RuntimeException e) {
                pauseHost(item.host());
                return new RobotsVerdict(null, "robots.txt not fetched: " + CaptureFailure.reasonOf(e));
            }
            pauseHost(url.getHost().toLowerCase(Locale.ROOT));
            try (exchange) {
                recorder.write(exchange);
                record(exchange, false, item.depth(), null, false);
                ResponseHead head = exchange.head();
                int status = head.status();
                if (head.isRedirect()) {
                    url = url.resolve(head.first("Location").orElseThrow().trim());
                    if (!isHttp(url)) {
                        break;
                    }
                    continue;
                }
                if (status >= 200 && status < 300) {
                    byte[] content = PayloadDecoder.decode(exchange.payloadSample(),
                            head.first("Content-Encoding").orElse(null));
                    if (content.length > ROBOTS_LIMIT) {
                        content = java.util.Arrays.copyOf(content, ROBOTS_LIMIT);
                    }
                    RobotsVerdict verdict = new RobotsVerdict(parser.parseContent(url.toString(), content,
                            head.first("Content-Type").orElse("text/plain"), List.of(robotName)), null);
                    applyCrawlDelay(item.host(), verdict);
                    pauseHost(item.host()); // the Crawl-delay holds from this request on
                    return verdict;
                }
                if (status >= 500) {
                    return new RobotsVerdict(null, "robots.txt answered " + status + ", host skipped");
                }
                return new RobotsVerdict(parser.failedFetch(status), null); // 4xx: no rules
            }
        }
        return new RobotsVerdict(parser.failedFetch(404), null); // redirected away too often: no rules
    }

    private void applyCrawlDelay(String host, RobotsVerdict verdict) {
        long delay = verdict.crawlDelayMillis();
        if (delay > config.delayMillis()) {
            hostDelayMillis.put(host, Math.min(delay, config.maxCrawlDelay().toMillis()));
        }
    }

    private void pauseHost(String host) {
        long delay = hostDelayMillis.getOrDefault(host, config.delayMillis());
        frontier.pauseHost(host, System.nanoTime() + delay * 1_000_000L);
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

    private static boolean keepForLinks(ResponseHead head) {
        if (head.status() < 200 || head.status() >= 300) {
            return false;
        }
        String type = head.mediaType();
        return type == null || type.equals("text/html") || type.equals("application/xhtml+xml") || type.equals("text/css");
    }

    /** A successful response holding an HTML or PDF document (an untyped payload that starts with markup too). */
    private static boolean isDocument(Exchange exchange) {
        ResponseHead head = exchange.head();
        if (head.status() < 200 || head.status() >= 300) {
            return false;
        }
        String type = head.mediaType();
        if (type == null) {
            try {
                return exchange.payloadSample() != null && looksLikeHtml(PayloadDecoder.decode(exchange.payloadSample(),
                        head.first("Content-Encoding").orElse(null)));
            } catch (IOException e) {
                return false;
            }
        }
        return type.equals("text/html") || type.equals("application/xhtml+xml") || type.equals("application/pdf");
    }

    private static boolean looksLikeHtml(byte[] payload) {
        for (byte b : payload) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }

    private static boolean isHttp(URI url) {
        String scheme = url.getScheme();
        return url.getHost() != null && scheme != null
                && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"));
    }

    private static String robotsKey(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":" + url.getPort();
    }

    /** A path in which one segment occurs more than three times, like /a/b/a/b/a/b/a/. */
    private static boolean repeatsPathSegments(String path) {
        if (path == null) {
            return false;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty() && counts.merge(segment, 1, Integer::sum) > 3) {
                return true;
            }
        }
        return false;
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
