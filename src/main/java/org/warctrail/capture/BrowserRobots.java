package org.warctrail.capture;

import java.io.IOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * robots.txt for a browser capture, with the crawler's rules ({@link RobotsFetch}): fetched once per scheme, host
 * and port, every response on the way recorded, up to five redirects followed; a 4xx means no rules, a 5xx or a
 * failed fetch keeps the whole host out of this run. Thread-safe: the page's requests are handled on several threads.
 */
final class BrowserRobots {
    /** Fetches robots.txt for a page's URL and records what came back; the exchanges are closed by the caller. */
    interface Fetch {
        RobotsFetch.Result robots(URI pageUrl, String robotName) throws IOException;

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
            RobotsFetch.Result result = fetch.robots(url, robotName);
            try {
                for (Exchange exchange : result.exchanges()) fetch.record(exchange);
            } finally {
                for (Exchange exchange : result.exchanges()) exchange.close();
            }
            verdict = result.verdict();
            verdicts.put(key, verdict);
        }
        if (verdict.allows(url.toString())) return null;
        return verdict.unavailable() != null ? verdict.unavailable() : "blocked by robots.txt";
    }
}
