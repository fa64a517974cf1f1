package org.warctrail.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureRequest;
import org.warctrail.fixture.FixtureResponse;
import org.warctrail.fixture.FixtureServer;

/**
 * Several hosts fetched at once, each politely: one request at a time with the delay between two, whatever the
 * number of fetch threads. The sites are named hosts on one loopback server, told apart by the Host header.
 */
class ConcurrentCrawlTest {
    private static final List<String> HOSTS = List.of("a.test", "b.test", "c.test", "d.test");
    private static final int PAGES_PER_HOST = 8;

    @TempDir
    Path dir;

    /** Page n of a host links to two more pages of its host and to page n of the next host. */
    private static FixtureResponse site(FixtureRequest r, int port) {
        if (r.path().startsWith("/img/")) {
            return FixtureResponse.ok("image/png", (r.host() + r.path()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        if (!r.path().startsWith("/p/")) {
            return FixtureResponse.notFound();
        }
        int n = Integer.parseInt(r.path().substring(3, r.path().length() - ".html".length()));
        String next = HOSTS.get((HOSTS.indexOf(r.host()) + 1) % HOSTS.size());
        StringBuilder html = new StringBuilder("<html><body><h1>" + r.host() + " " + n + "</h1>");
        for (int k : new int[] {2 * n + 1, 2 * n + 2}) {
            if (k < PAGES_PER_HOST) {
                html.append("<a href=\"/p/").append(k).append(".html\">more</a>");
            }
        }
        html.append("<a href=\"http://").append(next).append(':').append(port).append("/p/").append(n)
                .append(".html\">elsewhere</a><img src=\"/img/").append(n).append(".png\"></body></html>");
        return FixtureResponse.html(html.toString());
    }

    private static CrawlSummary crawl(FixtureServer server, Consumer<CrawlConfig.Builder> adjust, Path warc,
                                      URI... seeds) throws Exception {
        CrawlConfig.Builder config = CrawlConfig.builder(seeds).depth(10).follow(FollowMode.ALL).obeyRobots(false)
                .delayMillis(0).resolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        adjust.accept(config);
        try (WarcFileSink sink = new WarcFileSink(warc)) {
            return new Crawler(config.build(), sink, PayloadHistory.NONE, new FixtureLinkFinder(), null).run();
        }
    }

    private static URI seed(FixtureServer server, String host) {
        return URI.create("http://" + host + ":" + server.port() + "/p/0.html");
    }

    @Test
    @Timeout(60)
    void severalHostsAreFetchedAtOnce() throws Exception {
        // Each seed's answer waits until the four seeds have all been asked for: a crawler fetching one at a time
        // would keep the first waiting until the latch gives up.
        CountDownLatch allAsked = new CountDownLatch(HOSTS.size());
        List<Boolean> metOthers = new java.util.concurrent.CopyOnWriteArrayList<>();
        int[] port = new int[1];
        Function<FixtureRequest, FixtureResponse> handler = r -> {
            if (r.path().equals("/p/0.html")) {
                allAsked.countDown();
                try {
                    metOthers.add(allAsked.await(20, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return site(r, port[0]);
        };
        try (FixtureServer server = new FixtureServer(handler)) {
            port[0] = server.port();
            URI[] seeds = HOSTS.stream().map(h -> seed(server, h)).toArray(URI[]::new);
            CrawlSummary summary = crawl(server, c -> c.threads(4), dir.resolve("at-once.warc.gz"), seeds);
            assertEquals(List.of(true, true, true, true), metOthers, "the four seeds were asked for at once");
            assertEquals(HOSTS.size() * PAGES_PER_HOST, summary.pages());
            assertEquals(List.of(), summary.failures());
            assertNoHostAskedTwiceAtOnce(server, 0);
            assertTrue(org.warctrail.fixture.WarcValidation.jwarcValidates(dir.resolve("at-once.warc.gz")));
        }
    }

    @Test
    @Timeout(60)
    void eachHostKeepsOneRequestAtATimeAndItsDelay() throws Exception {
        int[] port = new int[1];
        try (FixtureServer server = new FixtureServer(r -> site(r, port[0]))) {
            port[0] = server.port();
            URI[] seeds = HOSTS.stream().map(h -> seed(server, h)).toArray(URI[]::new);
            CrawlSummary summary = crawl(server, c -> c.threads(8).delayMillis(40), dir.resolve("polite.warc.gz"),
                    seeds);
            assertEquals(HOSTS.size() * PAGES_PER_HOST, summary.pages());
            assertEquals(HOSTS.size() * PAGES_PER_HOST * 2, summary.pages() + summary.resources());
            assertNoHostAskedTwiceAtOnce(server, 40);
            assertEquals(HOSTS.size(), server.connections(), "one kept-alive connection per host");
        }
    }

    @Test
    @Timeout(60)
    void oneHostIsCrawledInTheSameOrderWhateverTheThreads() throws Exception {
        int[] port = new int[1];
        try (FixtureServer server = new FixtureServer(r -> site(r, port[0]))) {
            port[0] = server.port();
            Consumer<CrawlConfig.Builder> oneHost = c -> c.follow(FollowMode.SAME_HOST);
            List<String> alone = urls(crawl(server, oneHost.andThen(c -> c.threads(1)), dir.resolve("one.warc.gz"),
                    seed(server, "a.test")));
            List<String> several = urls(crawl(server, oneHost.andThen(c -> c.threads(4)), dir.resolve("four.warc.gz"),
                    seed(server, "a.test")));
            assertEquals(PAGES_PER_HOST * 2, alone.size());
            assertEquals(alone, several);
            assertEquals(alone, ArchivedRecord.readAll(dir.resolve("four.warc.gz")).stream()
                    .filter(r -> r.type().equals("response")).map(ArchivedRecord::target).toList(),
                    "the WARC holds them in that order too");
        }
    }

    @Test
    @Timeout(60)
    void thePageLimitHoldsWithFetchesUnderWay() throws Exception {
        int[] port = new int[1];
        try (FixtureServer server = new FixtureServer(r -> site(r, port[0]))) {
            port[0] = server.port();
            URI[] seeds = HOSTS.stream().map(h -> seed(server, h)).toArray(URI[]::new);
            CrawlSummary summary = crawl(server, c -> c.threads(4).maxPages(6), dir.resolve("limit.warc.gz"), seeds);
            assertEquals(6, summary.pages());
            assertEquals(6, server.requests().stream().filter(r -> !r.path().contains("img")).count(),
                    "no page beyond the limit was asked for");
            assertEquals(6, summary.resources(), "each page's image still came");
            assertEquals("page limit of 6 reached", summary.stopReason());
        }
    }

    private static List<String> urls(CrawlSummary summary) {
        return summary.captured().stream().map(CapturedResource::url).toList();
    }

    /**
     * Per host, each request arrived at least {@code delay} ms after the server began to answer the one before
     * (and so after it: with no delay, the order of the two is all that is checked).
     */
    private static void assertNoHostAskedTwiceAtOnce(FixtureServer server, long delayMillis) {
        Map<String, List<FixtureRequest>> byHost = server.requests().stream()
                .collect(Collectors.groupingBy(FixtureRequest::host));
        assertEquals(HOSTS.size(), byHost.size());
        for (List<FixtureRequest> requests : byHost.values()) {
            List<FixtureRequest> inOrder = new ArrayList<>(requests);
            inOrder.sort(Comparator.comparingLong(FixtureRequest::received));
            for (int i = 1; i < inOrder.size(); i++) {
                FixtureRequest before = inOrder.get(i - 1);
                long gap = inOrder.get(i).received() - server.answeringAt(before);
                assertTrue(gap >= delayMillis * 1_000_000L, inOrder.get(i).url() + " was asked for "
                        + gap / 1e6 + " ms after the answer to " + before.url() + " began; the delay is " + delayMillis
                        + " ms");
            }
        }
    }
}
