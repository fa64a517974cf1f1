package org.warctrail.capture;

import java.net.URI;
import java.util.concurrent.CompletableFuture;

/**
 * One page visit in the browser while it loads: its tab's DevTools session, the requests in flight (for network
 * idle) and the main frame's document, held back until the page is rendered so that its response record is written
 * next to the rendered DOM and the screenshot made of it.
 */
final class PageLoad {
    final URI url;
    final int depth;
    final URI via;
    final String sessionId;
    final String mainFrameId;
    final CompletableFuture<Void> loaded = new CompletableFuture<>();
    private int inFlight;
    private long lastActivityNanos = System.nanoTime();
    private Exchange document;
    private boolean closed;

    PageLoad(URI url, int depth, URI via, String sessionId, String mainFrameId) {
        this.url = url;
        this.depth = depth;
        this.via = via;
        this.sessionId = sessionId;
        this.mainFrameId = mainFrameId;
    }

    synchronized void started() {
        inFlight++;
        lastActivityNanos = System.nanoTime();
    }

    synchronized void finished() {
        inFlight--;
        lastActivityNanos = System.nanoTime();
    }

    /** Whether no request has been in flight for {@code quietNanos}. */
    synchronized boolean idleFor(long quietNanos) {
        return inFlight == 0 && System.nanoTime() - lastActivityNanos >= quietNanos;
    }

    /**
     * Holds the main frame's document; returns the one it replaces (a page that navigated again), which the caller
     * writes at once, or null. When the visit is already over the document is returned, to be written as is.
     */
    synchronized Exchange hold(Exchange exchange) {
        if (closed) return exchange;
        Exchange before = document;
        document = exchange;
        return before;
    }

    /** The document held, taken away: from now on documents are not held. */
    synchronized Exchange takeDocument() {
        closed = true;
        Exchange taken = document;
        document = null;
        return taken;
    }
}
