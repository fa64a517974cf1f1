package org.warctrail.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.warctrail.app.Archive;
import org.warctrail.capture.CaptureFailure;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.store.RotatingWarcWriter;

/**
 * {@code --capture-missing} of {@code chain} and {@code trace}: captures sources a provenance chain links to but
 * the archive lacks, with the crawler and the politeness {@code capture} uses (robots.txt, by default 1 s between
 * requests to a host), each page with its requisites and no further hops; indexed as captured.
 */
final class MissingSources {
    private MissingSources() {
    }

    /** Captures the URLs with the proxy, delay and certificate checking the options give. */
    static CrawlSummary capture(Archive archive, List<String> urls, CaptureMissingOptions options, PrintWriter err)
            throws IOException {
        List<URI> seeds = new ArrayList<>();
        for (String url : urls) {
            try {
                URI uri = URI.create(url.strip());
                if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme())
                        || "https".equalsIgnoreCase(uri.getScheme()))) {
                    seeds.add(uri);
                    continue;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            err.println("warctrail: not capturing " + url + ": not an http or https URL");
        }
        if (seeds.isEmpty()) return new CrawlSummary(List.of(), 0, 0, 0, 0, List.of(), null, 0);
        err.println("capturing " + seeds.size() + " missing source(s)");
        CrawlConfig.Builder config = CrawlConfig.builder().seeds(seeds).depth(0).delayMillis(options.delay)
                .checkCertificates(!options.noCheckCertificate);
        if (options.proxy != null) config.proxy(options.proxy);
        CrawlSummary summary = archive.capture(config.build(),
                RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, new CaptureListener() {
                    @Override
                    public void failed(CaptureFailure failure) {
                        err.println("failed: " + failure.url() + ": " + failure.reason());
                    }
                });
        err.printf("captured %d page(s) and %d other resource(s), %.1f MB in %.1f s%s%n", summary.pages(),
                summary.resources(), summary.bytes() / 1e6,
                summary.seconds(), summary.stopReason() == null ? "" : " (stopped: " + summary.stopReason() + ")");
        err.flush();
        return summary;
    }
}
