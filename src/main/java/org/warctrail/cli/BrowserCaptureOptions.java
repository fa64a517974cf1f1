package org.warctrail.cli;

import java.nio.file.Path;
import java.time.Duration;
import org.warctrail.capture.BrowserOptions;
import picocli.CommandLine.Option;

/** {@code --browser} and its settings: capture through a headless Chromium instead of the socket crawler. */
final class BrowserCaptureOptions {
    @Option(names = "--browser", description = "Load each page in a headless Chromium, so pages that build themselves"
            + " with JavaScript are captured whole: every request the page makes is recorded, the page is scrolled"
            + " to the bottom, and its rendered DOM and a screenshot are stored beside it.")
    boolean browser;

    @Option(names = "--browser-path", paramLabel = "FILE", description = "The Chromium to run (default: /usr/bin/chromium).")
    Path browserPath;

    @Option(names = "--page-time-limit", paramLabel = "SECONDS", description = "With --browser, the time one page"
            + " gets to load, scroll and settle; then it is taken as it is (default: 60).")
    Long pageTimeLimit;

    /** Whether to capture through the browser; its settings without {@code --browser} are a mistake said at once. */
    boolean enabled() {
        if (!browser && (browserPath != null || pageTimeLimit != null)) {
            throw new IllegalArgumentException("--browser-path and --page-time-limit need --browser");
        }
        return browser;
    }

    BrowserOptions options() {
        BrowserOptions options = BrowserOptions.defaults();
        if (browserPath != null) options = options.withExecutable(browserPath);
        if (pageTimeLimit != null) options = options.withPageTimeLimit(Duration.ofSeconds(pageTimeLimit));
        return options;
    }
}
