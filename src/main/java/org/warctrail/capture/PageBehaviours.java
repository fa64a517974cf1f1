package org.warctrail.capture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;

/**
 * What is done to a page once it loads, within its time limit: wait until the network is idle, scroll to the bottom
 * in steps (lazy images and infinite scroll load as they come into view; rounds repeat while the page grows), wait
 * for idle again, then read the rendered DOM and take a full-page screenshot. Past the time limit the page is taken
 * as it is.
 */
final class PageBehaviours {
    /** The network counts as idle after this long without a request in flight (as Chromium's networkIdle). */
    private static final long QUIET_NANOS = 500_000_000L;
    /** Rounds of scrolling to the bottom while the page keeps growing (infinite scroll). */
    private static final int SCROLL_ROUNDS = 10;
    /** Screenshots are cut at this height in CSS pixels (Chromium's texture limit is 16,384). */
    private static final int MAX_SCREENSHOT_HEIGHT = 16_000;
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    /** Scrolls down by most of a screen every 100 ms until the bottom (or the time left). */
    private static final String SCROLL_DOWN = """
            (async () => {
              const page = document.scrollingElement || document.documentElement;
              const until = Date.now() + %d;
              while (Date.now() < until && window.scrollY + window.innerHeight < page.scrollHeight - 1) {
                window.scrollBy(0, Math.max(100, Math.floor(window.innerHeight * 0.8)));
                await new Promise(resolve => setTimeout(resolve, 100));
              }
            })()""";
    private static final String HEIGHT = "(document.scrollingElement || document.documentElement).scrollHeight";
    private static final String DOM = "(document.doctype ? new XMLSerializer().serializeToString(document.doctype)"
            + " + '\\n' : '') + document.documentElement.outerHTML";

    /** The DOM as serialised after the behaviours, and the screenshot (null when the browser could not take one). */
    record Rendered(String dom, byte[] png) {
    }

    private final DevToolsConnection devtools;
    private final PageLoad page;
    private final long deadline;

    PageBehaviours(DevToolsConnection devtools, PageLoad page, Duration timeLimit) {
        this.devtools = devtools;
        this.page = page;
        this.deadline = System.nanoTime() + timeLimit.toNanos();
    }

    /** Waits for the load event and the network idle, scrolls, and reads what the page became. */
    Rendered run() throws IOException {
        awaitLoad();
        awaitIdle();
        long height = -1;
        for (int round = 0; round < SCROLL_ROUNDS && remainingMillis() > 0; round++) {
            evaluate(SCROLL_DOWN.formatted(Math.max(0, remainingMillis())), true);
            awaitIdle();
            long now = evaluate(HEIGHT, false).asLong(-1);
            if (now <= height) break; // the last round's requests added nothing below
            height = now;
        }
        evaluate("window.scrollTo(0, 0)", false);
        awaitIdle();
        String dom = evaluate(DOM, false).asText(null);
        return new Rendered(dom, screenshot());
    }

    private void awaitLoad() throws IOException {
        try {
            page.loaded.get(Math.max(1, remainingMillis()), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            // no load event within the limit (a resource that never ends): the page is taken as it is
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(page.url + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + page.url + " loaded", e);
        }
    }

    /** Waits until no request has been in flight for a while, or the time limit. */
    private void awaitIdle() throws IOException {
        while (!page.idleFor(QUIET_NANOS) && remainingMillis() > 0) {
            try {
                Thread.sleep(50); // requests end on other threads; polling the counter is cheaper than signalling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while " + page.url + " loaded", e);
            }
        }
    }

    private byte[] screenshot() throws IOException {
        JsonNode metrics = devtools.call("Page.getLayoutMetrics", null, page.sessionId, CALL_TIMEOUT);
        JsonNode size = metrics.has("cssContentSize") ? metrics.get("cssContentSize") : metrics.path("contentSize");
        double width = Math.max(1, size.path("width").asDouble(1));
        double height = Math.max(1, Math.min(MAX_SCREENSHOT_HEIGHT, size.path("height").asDouble(1)));
        ObjectNode params = DevToolsConnection.params();
        params.put("format", "png");
        params.put("captureBeyondViewport", true);
        ObjectNode clip = params.putObject("clip");
        clip.put("x", 0).put("y", 0).put("width", width).put("height", height).put("scale", 1);
        JsonNode shot = devtools.call("Page.captureScreenshot", params, page.sessionId, CALL_TIMEOUT);
        String data = shot.path("data").asText(null);
        return data == null ? null : Base64.getDecoder().decode(data);
    }

    private JsonNode evaluate(String expression, boolean awaitPromise) throws IOException {
        ObjectNode params = DevToolsConnection.params();
        params.put("expression", expression);
        params.put("returnByValue", true);
        params.put("awaitPromise", awaitPromise);
        JsonNode result = devtools.call("Runtime.evaluate", params, page.sessionId,
                CALL_TIMEOUT.plusMillis(Math.max(0, remainingMillis())));
        if (result.has("exceptionDetails")) {
            throw new IOException(page.url + ": the page's script failed: "
                    + result.path("exceptionDetails").path("text").asText());
        }
        return result.path("result").path("value");
    }

    private long remainingMillis() {
        return (deadline - System.nanoTime()) / 1_000_000L;
    }
}
