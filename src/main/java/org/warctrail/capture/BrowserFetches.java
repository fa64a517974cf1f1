package org.warctrail.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The browser's requests, answered by the capture: each request a page makes is paused by CDP's Fetch domain at the
 * request stage, fetched by our own {@link SocketFetcher} (so the records hold the exact bytes exchanged, with the
 * crawler's digests, deduplication, robots.txt, proxy, certificate and target-address rules), recorded, and handed
 * to the browser with {@code Fetch.fulfillRequest}: the decoded body, and the headers minus the framing and coding
 * ones that no longer describe it. Redirects are handed over as they are, so the browser asks for the next hop,
 * which is recorded too.
 *
 * <p>Only GET is fetched: a request with another method is refused to the page and reported as not captured
 * (the socket fetcher sends GET only). A document loaded into the page's main frame is held by its {@link PageLoad}
 * and written when the page has rendered, beside its rendered DOM and screenshot.
 */
final class BrowserFetches implements AutoCloseable {
    private static final int FETCHERS = 4;
    /** Headers that describe the bytes on the wire, not the decoded body the browser is given. */
    private static final Set<String> FRAMING = Set.of("content-encoding", "transfer-encoding", "content-length",
            "connection", "keep-alive", "proxy-connection", "trailer", "upgrade");

    private final CrawlConfig config;
    private final DevToolsConnection devtools;
    private final BrowserTally tally;
    private final RecordSink sink;
    private final ExchangeRecorder recorder;
    private final BrowserRobots robots;
    private final BlockingQueue<SocketFetcher> fetchers = new ArrayBlockingQueue<>(FETCHERS);
    private final List<SocketFetcher> allFetchers = new ArrayList<>();

    /** @param sink the store's sink; writes to it (and the recorder's memory) are serialised on this object */
    BrowserFetches(CrawlConfig config, DevToolsConnection devtools, BrowserTally tally, RecordSink sink,
                   PayloadHistory history) {
        this.config = config;
        this.devtools = devtools;
        this.tally = tally;
        this.sink = sink;
        this.recorder = new ExchangeRecorder(sink, history);
        this.robots = new BrowserRobots(config.userAgent());
        for (int i = 0; i < FETCHERS; i++) {
            SocketFetcher fetcher = new SocketFetcher(config);
            allFetchers.add(fetcher);
            fetchers.add(fetcher);
        }
    }

    /** Answers one {@code Fetch.requestPaused} event of a page; runs on a thread of its own. */
    void answer(PageLoad page, JsonNode paused) {
        String requestId = paused.path("requestId").asText();
        JsonNode request = paused.path("request");
        String url = request.path("url").asText();
        try {
            String method = request.path("method").asText("GET");
            boolean mainDocument = "Document".equals(paused.path("resourceType").asText())
                    && page.mainFrameId.equals(paused.path("frameId").asText());
            URI target = parse(url);
            String refusal = target == null ? "not an http or https URL"
                    : !method.equals("GET") ? method + " request by the page (only GET is recorded)"
                    : !mainDocument && !config.requisites() ? "requisites not captured (--no-requisites)"
                    : tally.stopReason();
            if (refusal == null && config.obeyRobots()) refusal = robotsRefusal(target, page);
            if (refusal != null) {
                refuse(page, requestId, url, refusal);
                return;
            }
            Exchange exchange;
            try {
                exchange = fetch(target);
            } catch (IOException | RuntimeException e) {
                refuse(page, requestId, url, CaptureFailure.reasonOf(e));
                return;
            }
            boolean held = false;
            try {
                fulfill(page, requestId, exchange);
                if (mainDocument && !exchange.head().isRedirect()) {
                    Exchange replaced = page.hold(exchange);
                    held = replaced != exchange;
                    if (replaced != null) {
                        try (replaced) {
                            write(replaced, page, false);
                        }
                    }
                } else {
                    write(exchange, page, false);
                }
            } finally {
                if (!held) exchange.close();
            }
        } catch (IOException | RuntimeException e) {
            tally.failed(url, "not recorded: " + CaptureFailure.reasonOf(e));
        } finally {
            page.finished();
        }
    }

    /** Writes an exchange through the crawler's recorder (a revisit when the payload is unchanged). */
    void write(Exchange exchange, PageLoad page, boolean isPage) throws IOException {
        boolean revisit;
        synchronized (this) {
            revisit = recorder.write(exchange);
        }
        tally.recorded(exchange, revisit, page.depth, page.via, isPage);
    }

    /** Writes records as one group, in order, beside the other writes of this capture. */
    synchronized void writeAll(List<org.netpreserve.jwarc.WarcRecord> records) throws IOException {
        sink.write(records);
    }

    int connectionsOpened() {
        return allFetchers.stream().mapToInt(SocketFetcher::connectionsOpened).sum();
    }

    @Override
    public void close() {
        allFetchers.forEach(SocketFetcher::close);
    }

    private String robotsRefusal(URI target, PageLoad page) throws IOException {
        return robots.refusal(target, new BrowserRobots.Fetch() {
            @Override
            public RobotsFetch.Result robots(URI pageUrl, String robotName) throws IOException {
                SocketFetcher fetcher = takeFetcher(pageUrl);
                try {
                    return RobotsFetch.fetch(fetcher, pageUrl, robotName);
                } finally {
                    fetchers.add(fetcher);
                }
            }

            @Override
            public void record(Exchange exchange) throws IOException {
                write(exchange, page, false);
            }
        });
    }

    private SocketFetcher takeFetcher(URI url) throws IOException {
        try {
            return fetchers.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted before fetching " + url, e);
        }
    }

    private Exchange fetch(URI url) throws IOException {
        SocketFetcher fetcher = takeFetcher(url);
        try {
            return fetcher.fetch(url, head -> true); // the browser gets every body, so every body is kept
        } finally {
            fetchers.add(fetcher);
        }
    }

    private void fulfill(PageLoad page, String requestId, Exchange exchange) throws IOException {
        ResponseHead head = exchange.head();
        byte[] body = exchange.payloadSample() == null ? new byte[0] : exchange.payloadSample();
        try {
            body = PayloadDecoder.decode(body, head.first("Content-Encoding").orElse(null));
        } catch (IOException e) {
            // corrupt compressed data: the browser gets the bytes as sent, as it would have
        }
        ObjectNode params = DevToolsConnection.params();
        params.put("requestId", requestId);
        params.put("responseCode", head.status());
        if (head.reason() != null && !head.reason().isBlank()) params.put("responsePhrase", head.reason());
        ArrayNode headers = params.putArray("responseHeaders");
        for (Map.Entry<String, String> h : head.headers()) {
            if (FRAMING.contains(h.getKey().toLowerCase(Locale.ROOT))) continue;
            headers.addObject().put("name", h.getKey()).put("value", h.getValue());
        }
        params.put("body", Base64.getEncoder().encodeToString(body));
        devtools.send("Fetch.fulfillRequest", params, page.sessionId);
    }

    private void refuse(PageLoad page, String requestId, String url, String reason) {
        tally.failed(url, reason);
        ObjectNode params = DevToolsConnection.params();
        params.put("requestId", requestId);
        params.put("errorReason", "BlockedByClient");
        devtools.send("Fetch.failRequest", params, page.sessionId);
    }

    /** The URL without its fragment, or null when it is not http(s). */
    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (uri.getHost() == null || scheme == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                return null;
            }
            return UrlKey.withoutFragment(uri);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
