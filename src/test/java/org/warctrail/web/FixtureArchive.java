package org.warctrail.web;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.store.RotatingWarcWriter;

/**
 * A store built from the fixture web by the real crawler through the fixture's proxy (the blog post and what it
 * cites, twice: before and after the sites change), and the full UI served over it with capture allowed to
 * reach the fixture web.
 */
final class FixtureArchive implements AutoCloseable {
    final FixtureWeb web;
    final Path dir;
    final Archive archive;
    final CaptureJobs jobs;
    final ReplayServer server;
    final String firstCapture;

    FixtureArchive() throws IOException, InterruptedException {
        web = FixtureWeb.start();
        dir = Files.createTempDirectory("warctrail-ui-fixture");
        archive = Archives.open(dir.resolve("store"), notice -> { });
        firstCapture = crawl(FixtureWeb.BLOG_POST, 2);
        web.advance();
        Thread.sleep(1100); // captures a second apart: distinct 14-digit timestamps
        crawl(FixtureWeb.BLOG_POST, 1);
        ServeOptions options = new ServeOptions("127.0.0.1", 0, true, null);
        jobs = new CaptureJobs(archive, b -> b.proxy(web.proxy()).delayMillis(0), options.allowPrivate());
        server = new ReplayServer(archive.store(), archive.index(), options);
        ArchiveUi ui = new ArchiveUi(archive, jobs, server.pages(), options);
        ui.install(server).start();
    }

    /** Captures through the proxy; returns the seed's capture time. */
    private String crawl(URI seed, int depth) throws IOException {
        CrawlConfig config = CrawlConfig.builder(seed).proxy(web.proxy()).delayMillis(0).depth(depth)
                .allowTarget(TargetPolicy.any()).build();
        return archive.capture(config, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, CaptureListener.NONE).captured().stream()
                .filter(c -> c.url().equals(seed.toString())).findFirst()
                .orElseThrow(() -> new IOException("the fixture crawl did not capture " + seed)).timestamp();
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    @Override
    public void close() throws IOException {
        server.close();
        jobs.close();
        archive.close();
        web.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
