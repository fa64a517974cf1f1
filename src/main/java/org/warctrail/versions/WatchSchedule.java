package org.warctrail.versions;

import java.time.Duration;

/** When a watched URL is captured next: after its interval, or sooner after a failure, backing off. */
public final class WatchSchedule {
    /** The first retry after a failure; it doubles with each failure in a row, up to the interval. */
    public static final Duration FIRST_RETRY = Duration.ofMinutes(1);

    private WatchSchedule() {
    }

    /** 1, 2, 4... minutes after failures in a row, never longer than the interval. */
    public static Duration retryAfter(int failuresInARow, Duration every) {
        Duration retry = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failuresInARow, 1) - 1, 20));
        return retry.compareTo(every) < 0 ? retry : every;
    }

    /** The pause before the next attempt after this result. */
    public static Duration after(RecaptureResult result, int failuresInARow, Duration every) {
        return result.failed() ? retryAfter(failuresInARow, every) : every;
    }
}
