package org.warctrail.capture;

import org.warctrail.fixture.WarcValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureWeb;

/** Truncation, timeouts, refused targets, and the small value classes. */
class CaptureLimitsTest {
    static FixtureWeb web;
    @TempDir
    Path dir;

    @BeforeAll
    static void startWeb() throws Exception {
        web = FixtureWeb.start();
    }

    @AfterAll
    static void stopWeb() throws Exception {
        web.close();
    }

    @Test
    void responseCutAtMaxBytesIsMarkedTruncatedByLength() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.maxResponseBytes(100_000), FixtureWeb.BIG_FILE);
        ArchivedRecord response = crawl.responseFor(FixtureWeb.BIG_FILE);
        assertEquals("length", response.header("WARC-Truncated"));
        assertEquals(100_000, response.block().length);
        assertEquals("sha1:" + CaptureWarcTest.base32Sha1(response.block()), response.header("WARC-Block-Digest"));
        assertEquals(100_000, crawl.captured(FixtureWeb.BIG_FILE).bytes());

        FixtureCrawl whole = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> { }, FixtureWeb.BIG_FILE);
        assertEquals(null, whole.responseFor(FixtureWeb.BIG_FILE).header("WARC-Truncated"));
        assertEquals(3 * 1024 * 1024, whole.responseFor(FixtureWeb.BIG_FILE).payload().length, "large bodies spill to disk intact");
        assertTrue(WarcValidation.jwarcValidates(whole.warc));
    }

    @Test
    void pageLimitCountsDocumentsNotRequisitesAndLetsTheLastPageComplete() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.depth(1).maxPages(1),
                FixtureWeb.BLOG_POST);
        assertEquals(1, crawl.summary.pages());
        assertTrue(crawl.summary.stopReason().startsWith("page limit of 1"), crawl.summary.stopReason());
        for (String path : List.of("/style.css", "/print.css", "/img/bg.png", "/img/airstrike.png", "/favicon.ico")) {
            assertNotNull(crawl.captured(URI.create("http://blog.example" + path)), "requisite " + path);
        }
        assertEquals(7, crawl.summary.resources(), "robots.txt, requisites and the 404 favicon are resources");
        assertNull(crawl.captured(FixtureWeb.SHORT_LINK), "no second page");
        assertNull(crawl.captured(FixtureWeb.IMAGE_CREDIT), "no second page");

        // A limit of three: the robots.txt 404s and the short link's redirect on the way do not use it up.
        FixtureCrawl three = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.depth(1).maxPages(3)
                .requisites(false), FixtureWeb.BLOG_POST);
        assertEquals(3, three.summary.pages());
        assertNotNull(three.captured(FixtureWeb.NEWS_ARTICLE), three.summary.captured().toString());
        assertEquals(301, three.captured(FixtureWeb.SHORT_LINK).status());
    }

    @Test
    void throughAProxyWithNoRestrictionNoNameIsResolvedLocally() throws Exception {
        java.util.concurrent.atomic.AtomicInteger lookups = new java.util.concurrent.atomic.AtomicInteger();
        HostResolver counting = host -> {
            lookups.incrementAndGet();
            throw new java.net.UnknownHostException(host);
        };
        FixtureCrawl open = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.resolver(counting), FixtureWeb.BLOG_POST);
        assertEquals(1, open.summary.pages());
        assertEquals(0, lookups.get(), "the proxy resolves; a local lookup per request would only cost time");

        FixtureCrawl checked = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.resolver(counting)
                .allowTarget(TargetPolicy.publicOnly()), FixtureWeb.BLOG_POST);
        assertEquals(0, checked.summary.pages());
        assertTrue(lookups.get() > 0, "a policy that refuses addresses needs them");
    }

    @Test
    void totalByteLimitStopsTheCrawl() throws Exception {
        // One fetch at a time: fetches already under way when the limit is reached are recorded (with four
        // threads both pages could be), so only then is the crawl cut right after the first page.
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE,
                c -> c.maxTotalBytes(1000).requisites(false).threads(1), FixtureWeb.BLOG_POST, FixtureWeb.NEWS_ARTICLE);
        assertTrue(crawl.summary.stopReason().startsWith("byte limit"), crawl.summary.stopReason());
        assertEquals(1, crawl.summary.pages());
        FixtureCrawl atOnce = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE,
                c -> c.maxTotalBytes(1000).requisites(false).threads(4), FixtureWeb.BLOG_POST, FixtureWeb.NEWS_ARTICLE,
                FixtureWeb.TRANSCRIPT_PDF, FixtureWeb.MIRROR_COPY, FixtureWeb.LATIN1_PAGE);
        assertTrue(atOnce.summary.stopReason().startsWith("byte limit"), atOnce.summary.stopReason());
        assertTrue(atOnce.summary.pages() < 5, "stopped before every seed was fetched: " + atOnce.summary.pages());
    }

    @Test
    void slowBodyIsMarkedTruncatedByTime() throws Exception {
        long start = System.nanoTime();
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE,
                c -> c.timeout(Duration.ofMillis(400)).obeyRobots(false), FixtureWeb.SLOW_PAGE);
        ArchivedRecord response = crawl.responseFor(FixtureWeb.SLOW_PAGE);
        assertEquals("time", response.header("WARC-Truncated"));
        String block = new String(response.block(), StandardCharsets.ISO_8859_1);
        assertTrue(block.startsWith("HTTP/1.1 200 OK") && block.endsWith("\r\n\r\n"), "head only: " + block);
        assertTrue((System.nanoTime() - start) / 1_000_000 < 2500, "did not wait for the 3 s pause");
    }

    @Test
    void publicOnlyPolicyRefusesLoopbackOnEveryHop() throws Exception {
        web.clearRequests();
        FixtureCrawl crawl = FixtureCrawl.direct(web, dir, c -> c.allowTarget(TargetPolicy.publicOnly()), FixtureWeb.BLOG_POST);
        assertEquals(0, crawl.summary.pages());
        assertTrue(crawl.summary.failures().get(0).reason().contains("not allowed"), crawl.summary.failures().toString());
        assertTrue(web.requests().isEmpty(), "nothing reached the server");

        // a public host through a proxy that does not resolve locally: refused, it cannot be checked
        FixtureCrawl proxied = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.allowTarget(TargetPolicy.publicOnly()), FixtureWeb.BLOG_POST);
        assertEquals(0, proxied.summary.pages());
        // a redirect hop to a refused address is refused too
        FixtureCrawl hop = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.obeyRobots(false)
                .resolver(host -> new InetAddress[] {InetAddress.getByName(host.equals("short.example") ? "93.184.216.34" : "10.0.0.7")})
                .allowTarget(TargetPolicy.publicOnly()), FixtureWeb.REDIRECT_CHAIN);
        assertEquals(3, hop.summary.resources(), "the three short.example hops (redirects: resources) pass");
        assertEquals(0, hop.summary.pages());
        assertTrue(hop.summary.failures().stream().anyMatch(f -> f.url().equals("http://blog.example/")
                && f.reason().contains("10.0.0.7") && f.reason().contains("not allowed")), hop.summary.failures().toString());
    }

    @Test
    void targetPolicyClassifiesAddresses() throws Exception {
        TargetPolicy policy = TargetPolicy.publicOnly();
        for (String refused : new String[] {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "::"}) {
            assertFalse(policy.allows(InetAddress.getByName(refused)), refused);
        }
        for (String allowed : new String[] {"93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"}) {
            assertTrue(policy.allows(InetAddress.getByName(allowed)), allowed);
        }
        assertTrue(TargetPolicy.any().allows(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void timestampsAreFourteenDigitUtc() {
        Instant t = Instant.parse("2016-09-21T08:30:05.750Z");
        assertEquals("20160921083005", TimestampFormat.format(t));
        assertEquals(Instant.parse("2016-09-21T08:30:05Z"), TimestampFormat.parse("20160921083005"));
        assertEquals(Instant.parse("2016-01-01T00:00:00Z"), TimestampFormat.parse("2016"));
        assertThrows(IllegalArgumentException.class, () -> TimestampFormat.parse("2016-09-21"));
        assertThrows(IllegalArgumentException.class, () -> TimestampFormat.parse("20161341000000"));
    }

    @Test
    void urlKeysDropFragmentsDefaultPortsAndSessionIds() {
        assertEquals("http://trap.example/calendar?month=2016-10",
                UrlKey.of(URI.create("HTTP://Trap.Example:80/calendar?month=2016-10&sid=1234")));
        assertEquals("http://a.example/x", UrlKey.of(URI.create("http://a.example/x;jsessionid=ABC")));
        assertEquals("https://a.example/", UrlKey.of(URI.create("https://a.example:443")));
        assertEquals(URI.create("http://a.example/p?q=1"), UrlKey.withoutFragment(URI.create("http://a.example/p?q=1#top")));
    }

    @Test
    void configValidatesAndParses() {
        assertThrows(IllegalArgumentException.class, () -> CrawlConfig.builder().build());
        assertThrows(IllegalArgumentException.class, () -> CrawlConfig.builder(URI.create("ftp://x.example/")).build());
        assertThrows(IllegalArgumentException.class, () -> CrawlConfig.builder(URI.create("http://x.example/")).depth(-1).build());
        assertThrows(IllegalArgumentException.class, () -> CrawlConfig.parseProxy("nope"));
        assertEquals(3128, CrawlConfig.parseProxy("http://proxy.local:3128/").getPort());
        CrawlConfig defaults = CrawlConfig.builder(URI.create("http://x.example/")).build();
        assertEquals(0, defaults.depth());
        assertEquals(FollowMode.SOURCES, defaults.follow());
        assertEquals(1000, defaults.delayMillis());
        assertEquals(10, defaults.maxRedirects());
        assertTrue(defaults.obeyRobots() && defaults.requisites());
        assertTrue(defaults.userAgent().startsWith("warctrail/") && defaults.userAgent().contains("+https://"));
        assertEquals(FollowMode.SAME_HOST, FollowMode.parse("same-host"));
        assertThrows(IllegalArgumentException.class, () -> FollowMode.parse("everything"));
    }
}
