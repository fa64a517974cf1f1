package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.capture.FollowMode;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.WarcValidation;
import org.warctrail.store.RotatingWarcWriter;

/** Several captures into one store at once: each writes its own files, none is corrupted, all are indexed. */
class ConcurrentCaptureTest {
    @TempDir
    Path dir;

    @Test
    void capturesRunningAtOnceShareTheStoreSafely() throws Exception {
        List<URI> seeds = List.of(FixtureWeb.BLOG_POST, FixtureWeb.NEWS_ARTICLE, FixtureWeb.MIRROR_COPY,
                FixtureWeb.LATIN1_PAGE);
        ExecutorService pool = Executors.newFixedThreadPool(seeds.size());
        try (FixtureWeb web = FixtureWeb.start()) {
            List<Future<CrawlSummary>> runs = new ArrayList<>();
            for (URI seed : seeds) {
                runs.add(pool.submit(() -> {
                    try (Archive archive = Archives.open(dir, m -> { })) {
                        CrawlConfig config = CrawlConfig.builder(seed).proxy(web.proxy()).delayMillis(0)
                                .follow(FollowMode.ALL).depth(1).build();
                        return archive.capture(config, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, CaptureListener.NONE);
                    }
                }));
            }
            long captured = 0;
            for (Future<CrawlSummary> run : runs) {
                CrawlSummary summary = run.get();
                assertFalse(summary.captured().isEmpty());
                captured += summary.captured().size();
            }
            try (Archive archive = Archives.open(dir, m -> { })) {
                List<Path> files = archive.store().files();
                assertTrue(files.size() >= seeds.size(), "captures shared a file: " + files);
                for (Path f : files) assertTrue(WarcValidation.jwarcValidates(f), "corrupted: " + f);
                assertEquals(captured, archive.index().stats().captures());
                for (URI seed : seeds) assertFalse(archive.index().captures(seed.toString()).isEmpty(), seed.toString());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
