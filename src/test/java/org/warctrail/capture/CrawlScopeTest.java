package org.warctrail.capture;

import org.warctrail.fixture.WarcValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureRequest;
import org.warctrail.fixture.FixtureResponse;
import org.warctrail.fixture.FixtureServer;
import org.warctrail.fixture.FixtureWeb;

/** What the crawler fetches: robots.txt, redirects, depth and follow modes, traps, politeness. */
class CrawlScopeTest {
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
    void robotsTxtIsObeyedAndArchived() throws Exception {
        web.clearRequests();
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.requisites(false),
                FixtureWeb.BLOG_PRIVATE, FixtureWeb.BLOG_HOME);
        assertFalse(web.requested(FixtureWeb.BLOG_PRIVATE), "disallowed by robots.txt");
        assertTrue(crawl.summary.failures().stream().anyMatch(f -> f.url().equals(FixtureWeb.BLOG_PRIVATE.toString())
                && f.reason().contains("robots.txt")), crawl.summary.failures().toString());
        assertNotNull(crawl.responseFor(URI.create("http://blog.example/robots.txt")), "robots.txt fetch archived");
        assertEquals(1, web.requestsTo("blog.example").stream().filter(r -> r.path().equals("/robots.txt")).count(),
                "robots.txt fetched once per host");
        assertNotNull(crawl.responseFor(FixtureWeb.BLOG_HOME));
    }

    @Test
    void ignoringRobotsFetchesEverythingAndNeverAsksForRobotsTxt() throws Exception {
        web.clearRequests();
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.requisites(false).obeyRobots(false),
                FixtureWeb.BLOG_PRIVATE);
        assertEquals(200, crawl.captured(FixtureWeb.BLOG_PRIVATE).status());
        assertTrue(web.requestsTo("blog.example").stream().noneMatch(r -> r.path().equals("/robots.txt")));
    }

    @Test
    void everyRedirectHopIsRecordedAtTheSameDepth() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.requisites(false), FixtureWeb.REDIRECT_CHAIN);
        List<String> hops = crawl.summary.captured().stream().filter(c -> !c.url().endsWith("/robots.txt"))
                .map(c -> c.status() + " " + c.url() + " via " + c.via()).toList();
        assertEquals(List.of(
                "302 http://short.example/chain/1 via null",
                "307 http://short.example/chain/2 via http://short.example/chain/1",
                "301 http://short.example/chain/3 via http://short.example/chain/2",
                "200 http://blog.example/ via http://short.example/chain/3"), hops);
        assertTrue(crawl.summary.captured().stream().allMatch(c -> c.depth() == 0), "a hop does not use up depth");
        assertEquals(4, crawl.records.stream().filter(r -> r.type().equals("response") && !r.target().endsWith("robots.txt")).count());
    }

    @Test
    void redirectLoopsAndLongChainsStop() throws Exception {
        FixtureCrawl loop = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> { }, FixtureWeb.REDIRECT_LOOP);
        assertEquals(0, loop.summary.pages(), "a redirect is not a page");
        assertEquals(3, loop.summary.resources(), "robots.txt and the two redirects");
        assertTrue(loop.summary.failures().stream().anyMatch(f -> f.reason().startsWith("redirect loop")), loop.summary.failures().toString());

        FixtureCrawl capped = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.maxRedirects(1), FixtureWeb.REDIRECT_CHAIN);
        assertEquals(3, capped.summary.resources());
        assertTrue(capped.summary.failures().stream().anyMatch(f -> f.reason().startsWith("more than 1 redirects")));
    }

    @Test
    void followSourcesTakesTheContinuationAndCitationsButNotMenuShareOrAdverts() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.depth(2), FixtureWeb.BLOG_POST);

        assertEquals(1, crawl.captured(FixtureWeb.SHORT_LINK).depth(), "continuation (a short link)");
        CapturedResource article = crawl.captured(FixtureWeb.NEWS_ARTICLE);
        assertEquals(1, article.depth(), "the redirect hop to the article does not use up depth");
        assertEquals(FixtureWeb.SHORT_LINK.toString(), article.via());
        assertEquals(2, crawl.captured(FixtureWeb.TRANSCRIPT_PDF).depth(), "the article's citation");
        assertEquals(1, crawl.captured(FixtureWeb.IMAGE_CREDIT).depth(), "the image credit");
        assertNotNull(crawl.captured(URI.create("http://news.example/static/deir-ez-zor.png")), "requisites of followed pages");
        assertNotNull(crawl.captured(URI.create("http://dailyrecord.example/pictures/airstrike-large.png")));
        for (String host : List.of("facebook.example", "twitter.example", "newdawn.example", "youtube.example")) {
            assertFalse(crawl.captured(host), host + " is share, follow or advert, not a source");
        }
        assertNull(crawl.captured(URI.create("http://blog.example/category/syria/")), "menu");
        assertNull(crawl.captured(URI.create("http://news.example/news/2016/09/syria-ceasefire.html")), "related article");
        assertTrue(WarcValidation.jwarcValidates(crawl.warc));

        FixtureCrawl shallow = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.depth(1).requisites(false), FixtureWeb.BLOG_POST);
        assertNotNull(shallow.captured(FixtureWeb.NEWS_ARTICLE));
        assertNull(shallow.captured(FixtureWeb.TRANSCRIPT_PDF), "two hops away");
    }

    @Test
    void followAllAndSameHost() throws Exception {
        FixtureCrawl all = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE,
                c -> c.depth(1).follow(FollowMode.ALL).requisites(false), FixtureWeb.BLOG_POST);
        assertTrue(all.captured("facebook.example") && all.captured("newdawn.example"));
        assertNotNull(all.captured(URI.create("http://blog.example/category/syria/")));
        assertNotNull(all.captured(FixtureWeb.NEWS_ARTICLE));

        FixtureCrawl sameHost = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE,
                c -> c.depth(1).follow(FollowMode.SAME_HOST).requisites(false), FixtureWeb.BLOG_POST);
        assertNotNull(sameHost.captured(URI.create("http://blog.example/category/syria/")));
        assertFalse(sameHost.captured("news.example") || sameHost.captured("short.example") || sameHost.captured("facebook.example"));
        assertFalse(web.requested(FixtureWeb.BLOG_PRIVATE) && sameHost.captured(FixtureWeb.BLOG_PRIVATE) != null,
                "the footer's drafts link stays blocked by robots.txt");
    }

    @Test
    void crawlerTrapIsBoundedByMaxPagesAndSessionIdsDoNotMultiplyUrls() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE,
                c -> c.depth(100_000).follow(FollowMode.ALL).maxPages(25), FixtureWeb.TRAP);
        assertEquals(25, crawl.summary.pages());
        assertTrue(crawl.summary.stopReason().startsWith("page limit"), crawl.summary.stopReason());
        Set<String> months = new HashSet<>();
        for (CapturedResource c : crawl.summary.captured()) {
            if (c.url().contains("month=")) {
                assertTrue(months.add(c.url().replaceAll(".*month=([0-9-]+).*", "$1")), "month fetched twice: " + c.url());
            }
        }
    }

    @Test
    void timeLimitAndCancelStopACrawl() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE,
                c -> c.depth(100_000).follow(FollowMode.ALL).delayMillis(100).timeLimit(java.time.Duration.ofMillis(600)), FixtureWeb.TRAP);
        assertTrue(crawl.summary.stopReason().startsWith("time limit"), crawl.summary.stopReason());
        assertTrue(crawl.summary.pages() >= 2 && crawl.summary.pages() <= 8, "pages: " + crawl.summary.pages());

        CrawlConfig config = CrawlConfig.builder(FixtureWeb.TRAP).proxy(web.proxy()).delayMillis(0).depth(1000)
                .follow(FollowMode.ALL).build();
        Crawler[] crawler = new Crawler[1];
        CaptureListener cancelAfterThree = new CaptureListener() {
            @Override
            public void progress(CrawlProgress progress) {
                if (progress.pages() == 3) {
                    crawler[0].cancel();
                }
            }
        };
        try (WarcFileSink sink = new WarcFileSink(dir.resolve("cancel.warc.gz"))) {
            crawler[0] = new Crawler(config, sink, PayloadHistory.NONE, new FixtureLinkFinder(), cancelAfterThree);
            CrawlSummary summary = crawler[0].run();
            assertEquals("cancelled", summary.stopReason());
            assertEquals(3, summary.pages());
        }
    }

    @Test
    void perHostDelayIsRespectedBetweenRequests() throws Exception {
        web.clearRequests();
        FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.requisites(false).delayMillis(250),
                FixtureWeb.BLOG_HOME, FixtureWeb.BLOG_POST, URI.create("http://blog.example/about/"), FixtureWeb.LATIN1_PAGE);
        List<FixtureRequest> blog = web.requestsTo("blog.example");
        assertEquals(4, blog.size(), "robots.txt and three pages");
        for (int i = 1; i < blog.size(); i++) {
            long gapMillis = (blog.get(i).received() - blog.get(i - 1).received()) / 1_000_000;
            assertTrue(gapMillis >= 245, "only " + gapMillis + " ms between requests " + (i - 1) + " and " + i);
        }
        // another host does not wait for blog.example's pause: intl.example is fetched before the last blog page
        FixtureRequest intl = web.requestsTo("intl.example").stream().filter(r -> !r.path().equals("/robots.txt")).findFirst().orElseThrow();
        assertTrue(intl.received() < blog.get(blog.size() - 1).received());
    }

    @Test
    void robotsCrawlDelayRaisesTheHostDelayUpToTheCap() throws Exception {
        // A site asking for 5 s between requests; the cap of 400 ms applies.
        try (FixtureServer site = new FixtureServer(r -> r.path().equals("/robots.txt")
                ? FixtureResponse.ok("text/plain", "User-agent: *\nCrawl-delay: 5\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                : FixtureResponse.html("<html><body>page " + r.path() + "</body></html>"))) {
            CrawlConfig config = CrawlConfig.builder(URI.create("http://slow.example/a"), URI.create("http://slow.example/b"))
                    .proxy("127.0.0.1:" + site.port()).delayMillis(0).maxCrawlDelay(java.time.Duration.ofMillis(400)).build();
            FixtureCrawl.run(config, dir, PayloadHistory.NONE);
            List<FixtureRequest> requests = site.requests();
            assertEquals(3, requests.size());
            for (int i = 1; i < requests.size(); i++) {
                long gapMillis = (requests.get(i).received() - requests.get(i - 1).received()) / 1_000_000;
                assertTrue(gapMillis >= 395 && gapMillis < 2000, "gap " + gapMillis + " ms");
            }
        }
    }
}
