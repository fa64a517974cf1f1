package org.warctrail.watch;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.warctrail.app.Archive;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.TimestampFormat;
import org.warctrail.index.Watch;
import org.warctrail.index.WatchesTable;
import org.warctrail.versions.RecaptureResult;
import org.warctrail.versions.WatchSchedule;

/**
 * Runs the watches stored in the index ({@code watch --add}, the UI): what {@code serve --watch} calls in a
 * background loop. Each due watch is recaptured once; the outcome (success, or failure and when to retry) is
 * recorded in the watches table, so a restarted server carries on where it stopped.
 */
public final class StoredWatches {
    private final WatchesTable watches;
    private final Recapturer recapturer;

    /** @param settings the crawl settings each recapture gets (see {@link Recapturer}) */
    public StoredWatches(Archive archive, UnaryOperator<CrawlConfig.Builder> settings) {
        this.watches = new WatchesTable(archive.index());
        this.recapturer = new Recapturer(archive, settings);
    }

    /** Recaptures every watch due at {@code now}, records the outcomes, and returns them. */
    public List<RecaptureResult> runDue(Instant now) throws IOException {
        List<RecaptureResult> results = new ArrayList<>();
        String nowTs = TimestampFormat.format(now);
        for (Watch w : watches.list()) {
            if (w.nextRun() != null && w.nextRun().compareTo(nowTs) > 0) continue;
            RecaptureResult result = recapturer.recapture(w.url(), w.depth());
            Duration every = Duration.ofSeconds(w.everySeconds());
            Instant attempted = TimestampFormat.parse(result.timestamp());
            if (result.failed()) {
                Duration retry = WatchSchedule.retryAfter(w.failures() + 1, every);
                watches.recordFailure(w.url(), result.timestamp(), result.error(),
                        TimestampFormat.format(attempted.plus(retry)));
            } else {
                watches.recordSuccess(w.url(), result.timestamp(), TimestampFormat.format(attempted.plus(every)));
            }
            results.add(result);
        }
        return results;
    }

    /** Whether a result is one the watch asked to hear about (substantive, or any change with all-changes). */
    public boolean reportable(RecaptureResult result) {
        for (Watch w : watches.list()) {
            if (w.url().equals(result.url())) return result.reportable(w.allChanges());
        }
        return result.reportable(false);
    }

    /** When the next watch is due; empty when there are none. */
    public Optional<Instant> nextDue() {
        Instant next = null;
        for (Watch w : watches.list()) {
            Instant due = w.nextRun() == null ? Instant.EPOCH : TimestampFormat.parse(w.nextRun());
            if (next == null || due.isBefore(next)) next = due;
        }
        return Optional.ofNullable(next);
    }
}
