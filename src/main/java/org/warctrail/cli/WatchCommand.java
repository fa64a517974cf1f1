package org.warctrail.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.index.WatchesTable;
import org.warctrail.versions.RecaptureResult;
import org.warctrail.versions.WatchInterval;
import org.warctrail.versions.WatchSchedule;
import org.warctrail.watch.Recapturer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code watch [--every DURATION] [--depth N] [--all-changes] [--add] URL...}: recaptures the URLs on a schedule,
 * in the foreground, printing one line per change. A failed recapture (timeout, DNS, 5xx) is reported on stderr
 * and retried sooner (1, 2, 4... minutes, at most the interval), never printed as a change.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = "Recapture URLs on a schedule and print one line per substantive change "
                + "(\"TIMESTAMP URL: summary\"). Runs until interrupted, or --times attempts per URL.")
public final class WatchCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--every", paramLabel = "DURATION", defaultValue = "1h", converter = DurationConverter.class,
            description = "Time between captures: 30s, 15m, 1h, 1d (default: ${DEFAULT-VALUE}).")
    Duration every;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "0",
            description = "Capture depth: 0 for the page and its requisites, 1 for the sources it cites too.")
    int depth;

    @Option(names = "--all-changes", description = "Report minor changes too (punctuation, case, typo fixes).")
    boolean allChanges;

    @Option(names = "--add", description = "Store the watches in the index, for serve --watch, and exit.")
    boolean add;

    @Option(names = "--times", paramLabel = "N", defaultValue = "0",
            description = "Stop after N attempts per URL (default: run until interrupted).")
    int times;

    @Option(names = "--delay", paramLabel = "MS", defaultValue = "1000",
            description = "Pause between requests to one host, in milliseconds (default: ${DEFAULT-VALUE}).")
    long delayMillis;

    @Mixin
    ProxyOptions network;

    @Mixin
    BrowserCaptureOptions browser;

    @Parameters(paramLabel = "URL", arity = "1..*", description = "The URLs to watch.")
    List<String> urls;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (depth < 0) throw new IllegalArgumentException("--depth must be at least 0: " + depth);
        if (times < 0) throw new IllegalArgumentException("--times must be at least 0: " + times);
        network.validate();
        boolean throughBrowser = browser.enabled();
        if (throughBrowser && add) {
            throw new IllegalArgumentException("--browser is for watch in the foreground; stored watches are captured by"
                    + " the socket crawler");
        }
        CrawlConfig.Builder check = CrawlConfig.builder().depth(depth).delayMillis(delayMillis);
        for (String url : urls) check.seed(URI.create(url)); // validates: http(s) with a host
        check.build();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Archive archive = Archives.open(store.dir(), m -> err.println("warctrail: " + m))) {
            if (add) {
                WatchesTable watches = new WatchesTable(archive.index());
                for (String url : urls) {
                    watches.add(url, every.toSeconds(), depth, allChanges);
                    out.println("watching " + url + " every " + WatchInterval.describe(every) + " (run by serve --watch)");
                }
                out.flush();
                return 0;
            }
            run(new Recapturer(archive, b -> network.apply(b.delayMillis(delayMillis)),
                    throughBrowser ? browser.options() : null), out, err);
        }
        return 0;
    }

    private void run(Recapturer recapturer, PrintWriter out, PrintWriter err) throws Exception {
        Map<String, Long> due = new LinkedHashMap<>();
        Map<String, Integer> attempts = new LinkedHashMap<>();
        Map<String, Integer> failuresInARow = new LinkedHashMap<>();
        long now = System.nanoTime();
        for (String url : urls) {
            due.put(url, now);
            attempts.put(url, 0);
            failuresInARow.put(url, 0);
        }
        while (!due.isEmpty()) {
            String url = next(due);
            long wait = due.get(url) - System.nanoTime();
            if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            RecaptureResult result = recapturer.recapture(url, depth);
            int attempt = attempts.merge(url, 1, Integer::sum);
            boolean lastAttempt = times > 0 && attempt >= times;
            Duration pause;
            if (result.failed()) {
                int failures = failuresInARow.merge(url, 1, Integer::sum);
                pause = WatchSchedule.retryAfter(failures, every);
                err.println("warctrail: " + result.line() + (lastAttempt
                        ? "; not retrying: " + attempt + " of " + times + " attempt(s) made (--times)"
                        : "; retrying in " + WatchInterval.describe(pause)));
            } else {
                failuresInARow.put(url, 0);
                pause = every;
                if (result.reportable(allChanges)) out.println(result.line());
                else if (attempt == 1) err.println("warctrail: " + url + " captured at " + result.timestamp() + ": "
                        + result.flags().summary());
            }
            out.flush();
            err.flush();
            if (lastAttempt) due.remove(url);
            else due.put(url, System.nanoTime() + pause.toNanos());
        }
    }

    private static String next(Map<String, Long> due) {
        String best = null;
        for (Map.Entry<String, Long> e : due.entrySet()) {
            if (best == null || e.getValue() < due.get(best)) best = e.getKey();
        }
        return best;
    }
}
