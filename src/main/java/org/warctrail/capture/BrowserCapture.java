package org.warctrail.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * A capture through a headless Chromium: each page is loaded in a tab of our own browser ({@link ChromiumProcess},
 * driven over {@link DevToolsConnection}), every request it makes is fetched and recorded by the capture
 * ({@link BrowserFetches}), the page's behaviours run ({@link PageBehaviours}), and its response is written followed
 * by its rendered DOM and screenshot ({@link RenderedRecords}). Pages are visited one at a time, breadth first;
 * outlinks are taken from the rendered DOM and followed as the {@link Crawler} follows them (depth, follow mode,
 * page limit); requisites are whatever the page itself asks for.
 *
 * <p>Politeness: the delay applies between two pages of one host, not between the requests of one page (a page's
 * requisites come at once, as they do in any browser).
 */
public final class BrowserCapture {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    /** Threads answering a page's requests; the fetchers themselves are fewer ({@link BrowserFetches}). */
    private static final int ANSWERING_THREADS = 8;

    private final CrawlConfig config;
    private final BrowserOptions options;
    private final RecordSink sink;
    private final PayloadHistory history;
    private final LinkFinder linkFinder;
    private final BrowserTally tally;
    private final Map<String, PageLoad> pages = new ConcurrentHashMap<>();
    private final ArrayDeque<CrawlUrl> frontier = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private final Map<String, Long> hostReadyNanos = new HashMap<>();

    public BrowserCapture(CrawlConfig config, BrowserOptions options, RecordSink sink, PayloadHistory history,
                          LinkFinder linkFinder, CaptureListener listener) {
        this.config = config;
        this.options = options;
        this.sink = sink;
        this.history = history == null ? PayloadHistory.NONE : history;
        this.linkFinder = linkFinder;
        this.tally = new BrowserTally(config, listener);
    }

    /** Asks a running capture to stop after the current page. */
    public void cancel() {
        tally.cancel();
    }

    /**
     * Captures until no page is left or a limit is reached.
     *
     * @throws IOException when the browser cannot start or the sink fails; a page that fails is reported instead
     */
    public CrawlSummary run() throws IOException {
        for (URI seed : config.seeds()) offer(CrawlUrl.seed(UrlKey.withoutFragment(seed)));
        ExecutorService answering = Executors.newFixedThreadPool(ANSWERING_THREADS, r -> {
            Thread t = new Thread(r, "warctrail-browser-fetch");
            t.setDaemon(true);
            return t;
        });
        try (ChromiumProcess chromium = ChromiumProcess.start(options.executable(), options.width(), options.height());
             DevToolsConnection devtools = DevToolsConnection.open(chromium.endpoint());
             BrowserFetches fetches = new BrowserFetches(config, devtools, tally, sink, history)) {
            devtools.on("Fetch.requestPaused", event -> {
                PageLoad page = pages.get(String.valueOf(event.sessionId()));
                if (page == null) return; // a tab being closed
                page.started();
                try {
                    answering.execute(() -> fetches.answer(page, event.params()));
                } catch (RejectedExecutionException e) {
                    page.finished();
                }
            });
            devtools.on("Page.loadEventFired", event -> {
                PageLoad page = pages.get(String.valueOf(event.sessionId()));
                if (page != null) page.loaded.complete(null);
            });
            String stopReason = null;
            while (!frontier.isEmpty()) {
                stopReason = tally.stopReason();
                if (stopReason != null) break;
                if (tally.pages() >= config.maxPages()) {
                    stopReason = "page limit of " + config.maxPages() + " reached";
                    break;
                }
                CrawlUrl next = frontier.poll();
                tally.queued(frontier.size());
                awaitHost(next.host());
                visit(next, devtools, fetches);
                hostReadyNanos.put(next.host(), System.nanoTime() + config.delayMillis() * 1_000_000L);
            }
            return tally.summary(stopReason, fetches.connectionsOpened());
        } finally {
            answering.shutdownNow();
        }
    }

    /** Loads one page in a tab of its own, records it and what it asked for, and queues its outlinks. */
    private void visit(CrawlUrl item, DevToolsConnection devtools, BrowserFetches fetches) throws IOException {
        ObjectNode create = DevToolsConnection.params();
        create.put("url", "about:blank");
        String targetId = devtools.call("Target.createTarget", create, null, CALL_TIMEOUT).path("targetId").asText();
        ObjectNode attach = DevToolsConnection.params();
        attach.put("targetId", targetId);
        attach.put("flatten", true);
        String session = devtools.call("Target.attachToTarget", attach, null, CALL_TIMEOUT).path("sessionId").asText();
        PageLoad page = null;
        try {
            String frameId = devtools.call("Page.getFrameTree", null, session, CALL_TIMEOUT)
                    .path("frameTree").path("frame").path("id").asText();
            page = new PageLoad(item.url(), item.depth(), item.via(), session, frameId);
            pages.put(session, page);
            devtools.call("Page.enable", null, session, CALL_TIMEOUT);
            ObjectNode intercept = DevToolsConnection.params();
            intercept.putArray("patterns").addObject().put("urlPattern", "*").put("requestStage", "Request");
            devtools.call("Fetch.enable", intercept, session, CALL_TIMEOUT);
            ObjectNode navigate = DevToolsConnection.params();
            navigate.put("url", item.url().toString());
            JsonNode navigation = devtools.call("Page.navigate", navigate, session,
                    options.pageTimeLimit().plus(CALL_TIMEOUT));
            String navigationError = navigation.path("errorText").asText("");
            PageBehaviours.Rendered rendered = null;
            if (navigationError.isEmpty()) {
                try {
                    rendered = new PageBehaviours(devtools, page, options.pageTimeLimit()).run();
                } catch (IOException e) {
                    tally.failed(item.url().toString(), "not rendered: " + e.getMessage());
                    if (Thread.currentThread().isInterrupted()) tally.cancel(); // stopped from outside: no next page
                }
            }
            Exchange document = page.takeDocument();
            if (document == null) {
                if (!navigationError.isEmpty() && !navigationError.contains("BLOCKED_BY_CLIENT")) {
                    tally.failed(item.url().toString(), "not loaded by the browser: " + navigationError);
                }
                return; // refused or failed: reported when its request was answered
            }
            try (document) {
                write(document, page, rendered, fetches);
                seen.add(UrlKey.of(document.url()));
                if (rendered != null && rendered.dom() != null && isHtml(document.head())) {
                    followLinks(item, document.url(), rendered.dom());
                }
            }
        } finally {
            if (page != null) closeLeftover(page, fetches);
            pages.remove(session);
            ObjectNode close = DevToolsConnection.params();
            close.put("targetId", targetId);
            devtools.send("Target.closeTarget", close, null);
        }
    }

    /**
     * Writes the page's response (never as a revisit: what the browser made of it is new each time) with its
     * rendered DOM and screenshot right after it, in one group, so that the index finds the DOM next to the response.
     */
    private void write(Exchange document, PageLoad page, PageBehaviours.Rendered rendered, BrowserFetches fetches)
            throws IOException {
        List<WarcRecord> group = new ArrayList<>();
        new ExchangeRecorder(group::addAll, PayloadHistory.NONE).write(document);
        ResponseHead head = document.head();
        boolean ok = head.status() >= 200 && head.status() < 300;
        if (rendered != null && ok && isHtml(head)) {
            WarcResponse response = (WarcResponse) group.stream().filter(r -> r instanceof WarcResponse)
                    .findFirst().orElseThrow();
            group.addAll(RenderedRecords.of(document.url(), response.date(), response.id(), rendered.dom(),
                    rendered.png()));
        }
        fetches.writeAll(group);
        String type = head.mediaType();
        tally.recorded(document, false, page.depth, page.via,
                ok && (isHtml(head) || "application/pdf".equals(type)));
    }

    /** A document the page loaded after its visit ended (a late navigation) is written as a resource. */
    private static void closeLeftover(PageLoad page, BrowserFetches fetches) throws IOException {
        Exchange late = page.takeDocument();
        if (late != null) {
            try (late) {
                fetches.write(late, page, false);
            }
        }
    }

    private void followLinks(CrawlUrl item, URI base, String dom) {
        if (item.depth() >= config.depth()) return;
        List<DiscoveredLink> links;
        try {
            links = linkFinder.find(base, "text/html; charset=utf-8", dom.getBytes(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            tally.failed(base.toString(), "links not extracted from the rendered page: " + CaptureFailure.reasonOf(e));
            return;
        }
        for (DiscoveredLink link : links) {
            URI url = link.url();
            if (url == null || link.role() == LinkRole.REQUISITE || url.getHost() == null || url.getScheme() == null
                    || !url.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                continue;
            }
            boolean follow = switch (config.follow()) {
                case SOURCES -> link.role() == LinkRole.SOURCE;
                case ALL -> true;
                case SAME_HOST -> url.getHost().equalsIgnoreCase(item.seedHost());
            };
            if (follow) {
                offer(new CrawlUrl(UrlKey.withoutFragment(url), item.depth() + 1, base, item.seedHost(), false, 0,
                        List.of()));
            }
        }
    }

    private void offer(CrawlUrl url) {
        if (url.url().toString().length() <= 2048 && seen.add(UrlKey.of(url.url()))) frontier.add(url);
    }

    private void awaitHost(String host) throws IOException {
        Long ready = hostReadyNanos.get(host);
        long wait = ready == null ? 0 : ready - System.nanoTime();
        if (wait <= 0) return;
        try {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted between pages", e);
        }
    }

    private static boolean isHtml(ResponseHead head) {
        String type = head.mediaType();
        return type == null || type.equals("text/html") || type.equals("application/xhtml+xml");
    }
}
