package org.warctrail.watch;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.warctrail.app.Archive;
import org.warctrail.capture.BrowserOptions;
import org.warctrail.capture.CaptureFailure;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.capture.TimestampFormat;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.versions.ArchivedVersion;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.versions.RecaptureResult;

/**
 * Captures a watched URL again into the archive (with {@link Archive#capture}, as {@code capture} does) and reads the new version's change flags, which the index
 * computed as the capture was written. A fetch that fails (timeout, DNS, refused) or a 5xx answer is a failed
 * recapture, never a change. Used by {@code watch} and by a server that runs stored watches.
 */
public final class Recapturer {
    private final Archive archive;
    private final ArchivedVersions versions;
    private final UnaryOperator<CrawlConfig.Builder> settings;
    private final BrowserOptions browser;

    /**
     * @param settings applies the crawl settings (delay, timeout, proxy, target policy...) to the builder of
     *                 each recapture, which has its URL and depth already
     */
    public Recapturer(Archive archive, UnaryOperator<CrawlConfig.Builder> settings) {
        this(archive, settings, null);
    }

    /** As above, recapturing through a headless browser ({@link Archive#captureWithBrowser}) unless it is null. */
    public Recapturer(Archive archive, UnaryOperator<CrawlConfig.Builder> settings, BrowserOptions browser) {
        this.archive = archive;
        this.versions = new ArchivedVersions(archive.index());
        this.settings = settings;
        this.browser = browser;
    }

    public RecaptureResult recapture(String url, int depth) throws IOException {
        Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String since = TimestampFormat.format(started);
        CrawlConfig config = settings.apply(CrawlConfig.builder(URI.create(url)).depth(depth)).build();
        CrawlSummary summary = browser == null
                ? archive.capture(config, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, CaptureListener.NONE)
                : archive.captureWithBrowser(config, browser, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, CaptureListener.NONE);
        ArchivedVersion latest = null;
        for (ArchivedVersion v : versions.timeline(url)) {
            if (v.capture().timestamp().compareTo(since) >= 0) latest = v;
        }
        if (latest == null || latest.flags() == null) {
            return new RecaptureResult(url, since, true, reason(summary, url), null);
        }
        if (latest.capture().failed()) {
            return new RecaptureResult(url, latest.capture().timestamp(), true,
                    "answers " + latest.capture().status(), latest.flags());
        }
        return new RecaptureResult(url, latest.capture().timestamp(), false, null, latest.flags());
    }

    private static String reason(CrawlSummary summary, String url) {
        for (CaptureFailure f : summary.failures()) {
            if (f.url().equals(url) || summary.failures().size() == 1) return f.reason();
        }
        if (!summary.failures().isEmpty()) return summary.failures().get(0).reason();
        return summary.stopReason() != null ? summary.stopReason() : "not captured";
    }
}
