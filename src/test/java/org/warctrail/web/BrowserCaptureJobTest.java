package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.BrowserOptions;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.ScriptedNewsSite;
import org.warctrail.index.SearchHit;
import org.warctrail.index.SearchOptions;

/** A capture from the UI's form with "through a browser" ticked is a browser capture; a server without one refuses. */
class BrowserCaptureJobTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void aCaptureJobThroughTheBrowserIndexesTheRenderedStory() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(BrowserOptions.defaults().executable()),
                "no " + BrowserOptions.defaults().executable() + " (Debian package chromium)");
        try (FixtureWeb web = FixtureWeb.start();
             Archive archive = Archives.open(dir.resolve("store"), m -> { });
             CaptureJobs jobs = new CaptureJobs(archive, b -> b.proxy(web.proxy()).delayMillis(0), true)
                     .browser(BrowserOptions.defaults())) {
            CaptureJob job = jobs.start(List.of(ScriptedNewsSite.STORY.toString()), 0, true);
            long deadline = System.nanoTime() + 100_000_000_000L;
            while (!job.finished()) {
                assertTrue(System.nanoTime() < deadline, "the capture did not finish");
                Thread.sleep(100);
            }
            assertEquals(CaptureJobState.DONE, job.status().state(), String.valueOf(job.status().error()));
            List<SearchHit> hits = archive.search().search("sea wall collapsed", new SearchOptions(null, null, null, 10, 0))
                    .results();
            assertEquals(1, hits.size());
            assertEquals(ScriptedNewsSite.HEADLINE, hits.get(0).title());
            assertTrue(hits.get(0).rendered());
        }
    }

    @Test
    void withoutABrowserTheServerRefusesToCaptureThroughOne() throws Exception {
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { });
             CaptureJobs jobs = new CaptureJobs(archive, b -> b, true)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> jobs.start(List.of("http://example.com/"), 0, true));
            assertEquals("this server captures without a browser", e.getMessage());
        }
    }
}
