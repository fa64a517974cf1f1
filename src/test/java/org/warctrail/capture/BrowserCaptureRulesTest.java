package org.warctrail.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.ScriptedNewsSite;

/**
 * A browser capture keeps the crawler's rules for every request the page makes, since the capture fetches each
 * one itself: robots.txt, the target-address policy, {@code --no-requisites}; and nothing reaches the web but
 * through it.
 */
@Timeout(120)
class BrowserCaptureRulesTest {
    @TempDir
    Path dir;
    FixtureWeb web;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(ChromiumProcess.DEFAULT_PATH),
                "no " + ChromiumProcess.DEFAULT_PATH + " (Debian package chromium)");
        web = FixtureWeb.start();
    }

    @AfterEach
    void stop() throws IOException {
        if (web != null) web.close();
    }

    @Test
    void aPageRobotsTxtDisallowsIsRefusedToTheBrowserAndNeverRequested() throws Exception {
        Result result = capture(b -> b.proxy(web.proxy()), FixtureWeb.BLOG_PRIVATE);
        assertEquals(0, result.summary.pages());
        assertEquals(List.of("blocked by robots.txt"),
                result.summary.failures().stream().map(CaptureFailure::reason).toList());
        assertNotNull(result.response(URI.create("http://blog.example/robots.txt")), "robots.txt is recorded");
        assertFalse(web.requested(FixtureWeb.BLOG_PRIVATE));
    }

    @Test
    void aPrivateAddressIsRefusedToThePageAsToTheCrawler() throws Exception {
        Result result = capture(b -> b.allowTarget(TargetPolicy.publicOnly()).obeyRobots(false)
                .resolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}), web.direct(ScriptedNewsSite.STORY));
        assertEquals(0, result.summary.captured().size());
        String reason = result.summary.failures().get(0).reason();
        assertTrue(reason.contains("not allowed"), reason);
        assertEquals(List.of(), web.requests(), "the fixture was reached");
    }

    @Test
    void withoutRequisitesOnlyThePageIsFetchedAndItsShellIsWhatRenders() throws Exception {
        Result result = capture(b -> b.proxy(web.proxy()).requisites(false), ScriptedNewsSite.STORY);
        assertEquals(1, result.summary.pages());
        assertTrue(result.summary.failures().stream().anyMatch(f -> f.url().equals(ScriptedNewsSite.SCRIPT.toString())
                && f.reason().contains("--no-requisites")), result.summary.failures().toString());
        assertFalse(web.requested(ScriptedNewsSite.SCRIPT));
        ArchivedRecord dom = result.records.stream()
                .filter(r -> ("urn:rendered-dom:" + ScriptedNewsSite.STORY).equals(r.target())).findFirst().orElseThrow();
        String rendered = new String(dom.block(), StandardCharsets.UTF_8);
        assertTrue(rendered.contains("Loading…") && !rendered.contains(ScriptedNewsSite.HEADLINE), rendered);
    }

    private record Result(CrawlSummary summary, List<ArchivedRecord> records) {
        ArchivedRecord response(URI url) {
            return records.stream().filter(r -> r.type().equals("response") && url.toString().equals(r.target()))
                    .findFirst().orElse(null);
        }
    }

    private Result capture(Consumer<CrawlConfig.Builder> adjust, URI seed) throws IOException {
        CrawlConfig.Builder config = CrawlConfig.builder(seed).delayMillis(0);
        adjust.accept(config);
        Path warc = Files.createTempFile(dir, "browser-", ".warc.gz");
        CrawlSummary summary;
        try (WarcFileSink sink = new WarcFileSink(warc)) {
            summary = new BrowserCapture(config.build(), BrowserOptions.defaults(), sink, PayloadHistory.NONE,
                    new FixtureLinkFinder(), CaptureListener.NONE).run();
        }
        return new Result(summary, ArchivedRecord.readAll(warc));
    }
}
