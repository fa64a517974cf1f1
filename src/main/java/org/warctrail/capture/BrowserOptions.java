package org.warctrail.capture;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How a browser capture drives its browser.
 *
 * @param executable    the Chromium to start (Debian's {@code /usr/bin/chromium} by default)
 * @param pageTimeLimit the time one page gets, from navigation to its screenshot; a page still loading then is taken
 *                      as it is
 * @param width         the window's width in CSS pixels (the screenshot's width)
 * @param height        the window's height, one scroll step's reach
 */
public record BrowserOptions(Path executable, Duration pageTimeLimit, int width, int height) {
    public static final Duration DEFAULT_PAGE_TIME_LIMIT = Duration.ofSeconds(60);

    public BrowserOptions {
        Objects.requireNonNull(executable, "executable");
        Objects.requireNonNull(pageTimeLimit, "pageTimeLimit");
        if (pageTimeLimit.isNegative() || pageTimeLimit.isZero()) {
            throw new IllegalArgumentException("page time limit must be positive: " + pageTimeLimit);
        }
        if (width < 100 || height < 100) {
            throw new IllegalArgumentException("browser window too small: " + width + "x" + height);
        }
    }

    /** Debian's Chromium, 60 s per page, a 1280×900 window. */
    public static BrowserOptions defaults() {
        return new BrowserOptions(ChromiumProcess.DEFAULT_PATH, DEFAULT_PAGE_TIME_LIMIT, 1280, 900);
    }

    public BrowserOptions withExecutable(Path path) {
        return new BrowserOptions(path, pageTimeLimit, width, height);
    }

    public BrowserOptions withPageTimeLimit(Duration limit) {
        return new BrowserOptions(executable, limit, width, height);
    }
}
