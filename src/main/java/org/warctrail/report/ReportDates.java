package org.warctrail.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The report's dates: 14-digit capture timestamps written for readers and for Robust Links. */
final class ReportDates {
    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReportDates() {
    }

    /** YYYY-MM-DD of a 14-digit timestamp (the form {@code data-versiondate} takes). */
    static String day(String timestamp) {
        return timestamp.substring(0, 4) + "-" + timestamp.substring(4, 6) + "-" + timestamp.substring(6, 8);
    }

    /** "2026-12-02 15:40:12 UTC" of a 14-digit timestamp; other strings as they are. */
    static String display(String timestamp) {
        if (timestamp == null || !timestamp.matches("\\d{14}")) return timestamp;
        return day(timestamp) + " " + timestamp.substring(8, 10) + ":" + timestamp.substring(10, 12) + ":"
                + timestamp.substring(12, 14) + " UTC";
    }

    static String display(Instant instant) {
        return DISPLAY.format(instant);
    }
}
