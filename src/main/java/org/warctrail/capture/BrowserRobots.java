package org.warctrail.capture;

import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * robots.txt for a browser capture, with the crawler's rules: fetched once per scheme, host and port, recorded like
 * any response, up to five redirects followed; a 4xx means no rules, a 5xx or a failed fetch keeps the whole host
 * out of this run. Thread-safe: the page's requests are handled on several threads.
 */
final class BrowserRobots {
    /** Robots.txt payloads larger than this are parsed from their first bytes only (as Google does at 500 KiB). */
    private static final int ROBOTS_LIMIT = 500 * 1024;

    /** Fetches and records one URL; the exchange is closed by the caller. */
    interface Fetch {
        Exchange fetch(URI url) throws IOException;

        void record(Exchange exchange) throws IOException;
    }

    private final String robotName;
    private final Map<String, RobotsVerdict> verdicts = new HashMap<>();

    BrowserRobots(String userAgent) {
        this.robotName = userAgent.split("[/ ]", 2)[0].toLowerCase(Locale.ROOT);
    }

    /** Whether robots.txt lets the capture fetch {@code url}; null if it does, else why not. */
    synchronized String refusal(URI url, Fetch fetch) throws IOException {
        String key = url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getHost().toLowerCase(Locale.ROOT) + ":"
                + url.getPort();
        RobotsVerdict verdict = verdicts.get(key);
        if (verdict == null) {
            verdict = read(url.resolve("/robots.txt"), fetch);
            verdicts.put(key, verdict);
        }
        if (verdict.allows(url.toString())) return null;
        return verdict.unavailable() != null ? verdict.unavailable() : "blocked by robots.txt";
    }

    private RobotsVerdict read(URI url, Fetch fetch) throws IOException {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 50);
        for (int hop = 0; hop <= 5; hop++) {
            Exchange exchange;
            try {
                exchange = fetch.fetch(url);
            } catch (IOException | RuntimeException e) {
                return new RobotsVerdict(null, "robots.txt not fetched: " + CaptureFailure.reasonOf(e));
            }
            try (exchange) {
                fetch.record(exchange);
                ResponseHead head = exchange.head();
                int status = head.status();
                if (head.isRedirect()) {
                    url = url.resolve(head.first("Location").orElseThrow().trim());
                    String scheme = url.getScheme();
                    if (scheme == null || !scheme.toLowerCase(Locale.ROOT).startsWith("http") || url.getHost() == null) {
                        break;
                    }
                    continue;
                }
                if (status >= 200 && status < 300) {
                    byte[] content = PayloadDecoder.decode(exchange.payloadSample() == null ? new byte[0]
                            : exchange.payloadSample(), head.first("Content-Encoding").orElse(null));
                    if (content.length > ROBOTS_LIMIT) content = Arrays.copyOf(content, ROBOTS_LIMIT);
                    return new RobotsVerdict(parser.parseContent(url.toString(), content,
                            head.first("Content-Type").orElse("text/plain"), List.of(robotName)), null);
                }
                if (status >= 500) {
                    return new RobotsVerdict(null, "robots.txt answered " + status + ", host skipped");
                }
                return new RobotsVerdict(parser.failedFetch(status), null); // 4xx: no rules
            }
        }
        return new RobotsVerdict(parser.failedFetch(404), null); // redirected away too often: no rules
    }
}
