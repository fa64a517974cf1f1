package org.warctrail.capture;

import crawlercommons.robots.SimpleRobotRulesParser;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fetches and parses the robots.txt of a URL's host, following up to five redirects, on a fetch thread: every
 * response on the way is kept, for the crawler to record in order on its own thread.
 */
final class RobotsFetch {
    /** Robots.txt payloads larger than this are parsed from their first bytes only (as Google does at 500 KiB). */
    private static final int ROBOTS_LIMIT = 500 * 1024;
    private static final int MAX_HOPS = 5;

    /**
     * What fetching robots.txt gave.
     *
     * @param exchanges the responses received, each hop of a redirect one; the caller records and closes them
     * @param verdict   the rules, or why there are none
     */
    record Result(List<Exchange> exchanges, RobotsVerdict verdict) {
    }

    private RobotsFetch() {
    }

    static Result fetch(SocketFetcher fetcher, URI pageUrl, String robotName) {
        URI url = pageUrl.resolve("/robots.txt");
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser(Long.MAX_VALUE, 50);
        List<Exchange> exchanges = new ArrayList<>();
        for (int hop = 0; hop <= MAX_HOPS; hop++) {
            Exchange exchange;
            try {
                exchange = fetcher.fetch(url, head -> head.status() >= 200 && head.status() < 300);
            } catch (IOException | RuntimeException e) {
                return new Result(exchanges, new RobotsVerdict(null, "robots.txt not fetched: "
                        + CaptureFailure.reasonOf(e)));
            }
            exchanges.add(exchange);
            ResponseHead head = exchange.head();
            int status = head.status();
            if (head.isRedirect()) {
                try {
                    url = url.resolve(head.first("Location").orElseThrow().trim());
                } catch (IllegalArgumentException e) {
                    break;
                }
                if (!CrawlScope.isHttp(url)) {
                    break;
                }
                continue;
            }
            if (status >= 200 && status < 300) {
                byte[] content;
                try {
                    content = PayloadDecoder.decode(exchange.payloadSample(), head.first("Content-Encoding").orElse(null));
                } catch (IOException e) {
                    return new Result(exchanges, new RobotsVerdict(parser.failedFetch(404), null));
                }
                if (content.length > ROBOTS_LIMIT) {
                    content = Arrays.copyOf(content, ROBOTS_LIMIT);
                }
                return new Result(exchanges, new RobotsVerdict(parser.parseContent(url.toString(), content,
                        head.first("Content-Type").orElse("text/plain"), List.of(robotName)), null));
            }
            if (status >= 500) {
                return new Result(exchanges, new RobotsVerdict(null, "robots.txt answered " + status + ", host skipped"));
            }
            return new Result(exchanges, new RobotsVerdict(parser.failedFetch(status), null)); // 4xx: no rules
        }
        return new Result(exchanges, new RobotsVerdict(parser.failedFetch(404), null)); // redirected away too often
    }
}
