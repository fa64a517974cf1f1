package org.warctrail.capture;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.warctrail.fixture.FixtureWeb;

/** Runs the crawler against the fixture web into a fresh WARC and reads the result back. */
final class FixtureCrawl {
    final CrawlSummary summary;
    final List<ArchivedRecord> records;
    final Path warc;
    final List<Object> events;

    private FixtureCrawl(CrawlSummary summary, List<ArchivedRecord> records, Path warc, List<Object> events) {
        this.summary = summary;
        this.records = records;
        this.warc = warc;
        this.events = events;
    }

    /** A crawl through the fixture's proxy, no delay, with the given adjustments. */
    static FixtureCrawl viaProxy(FixtureWeb web, Path dir, PayloadHistory history, Consumer<CrawlConfig.Builder> adjust,
                                 URI... seeds) throws IOException {
        CrawlConfig.Builder config = CrawlConfig.builder(seeds).proxy(web.proxy()).delayMillis(0);
        adjust.accept(config);
        return run(config.build(), dir, history);
    }

    /** A crawl connecting straight to the fixture's port, the fictional names resolved to loopback. */
    static FixtureCrawl direct(FixtureWeb web, Path dir, Consumer<CrawlConfig.Builder> adjust, URI... seeds) throws IOException {
        CrawlConfig.Builder config = CrawlConfig.builder().delayMillis(0)
                .resolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        for (URI seed : seeds) {
            config.seed(web.direct(seed));
        }
        adjust.accept(config);
        return run(config.build(), dir, PayloadHistory.NONE);
    }

    static FixtureCrawl run(CrawlConfig config, Path dir, PayloadHistory history) throws IOException {
        Path warc = java.nio.file.Files.createTempFile(dir, "capture-", ".warc.gz");
        List<Object> events = new ArrayList<>();
        CaptureListener listener = new CaptureListener() {
            @Override
            public void fetched(CapturedResource resource) {
                events.add(resource);
            }

            @Override
            public void failed(CaptureFailure failure) {
                events.add(failure);
            }

            @Override
            public void progress(CrawlProgress progress) {
                events.add(progress);
            }
        };
        CrawlSummary summary;
        try (WarcFileSink sink = new WarcFileSink(warc)) {
            summary = new Crawler(config, sink, history, new FixtureLinkFinder(), listener).run();
        }
        return new FixtureCrawl(summary, ArchivedRecord.readAll(warc), warc, events);
    }

    /** The response or revisit record for a URL (port ignored), or null. */
    ArchivedRecord responseFor(URI url) {
        return records.stream().filter(r -> (r.type().equals("response") || r.type().equals("revisit"))
                && samePlace(URI.create(r.target()), url)).findFirst().orElse(null);
    }

    ArchivedRecord byId(String id) {
        return records.stream().filter(r -> id.equals(r.header("WARC-Record-ID"))).findFirst().orElse(null);
    }

    CapturedResource captured(URI url) {
        return summary.captured().stream().filter(c -> samePlace(URI.create(c.url()), url)).findFirst().orElse(null);
    }

    boolean captured(String host) {
        return summary.captured().stream().anyMatch(c -> URI.create(c.url()).getHost().equals(host));
    }

    static boolean samePlace(URI a, URI b) {
        return a.getHost().equals(b.getHost()) && a.getRawPath().equals(b.getRawPath())
                && java.util.Objects.equals(a.getRawQuery(), b.getRawQuery());
    }
}
