package org.warctrail.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** 14-digit capture timestamps (yyyyMMddHHmmss, UTC) and the HTTP dates Memento exchanges them as. */
public final class CaptureTime {
    private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);
    /** IMF-fixdate (RFC 7231), the RFC 1123 form with a two-digit day that HTTP sends. */
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.US);
    private static final DateTimeFormatter DISPLAY =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);
    /** Fills a partial timestamp to its earliest instant ("2016" is the first second of 2016). */
    private static final String PAD_DOWN = "00000101000000";

    private CaptureTime() {
    }

    /** True for 1 to 14 digits, the partial timestamps Wayback URLs accept. */
    public static boolean isTimestamp(String s) {
        if (s == null || s.isEmpty() || s.length() > 14) return false;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
        }
        return true;
    }

    /** A partial timestamp padded to 14 digits at the start of the period it names; invalid fields are clamped. */
    public static String padDown(String partial) {
        String ts = partial + PAD_DOWN.substring(partial.length());
        return DIGITS.format(toDateTime(ts));
    }

    /** Lenient: a month 13 or a day 32 (from hand-typed URLs) clamps to the last valid value. */
    private static LocalDateTime toDateTime(String ts) {
        int year = Integer.parseInt(ts.substring(0, 4));
        int month = clamp(Integer.parseInt(ts.substring(4, 6)), 1, 12);
        int maxDay = java.time.YearMonth.of(year, month).lengthOfMonth();
        int day = clamp(Integer.parseInt(ts.substring(6, 8)), 1, maxDay);
        return LocalDateTime.of(year, month, day,
                clamp(Integer.parseInt(ts.substring(8, 10)), 0, 23),
                clamp(Integer.parseInt(ts.substring(10, 12)), 0, 59),
                clamp(Integer.parseInt(ts.substring(12, 14)), 0, 59));
    }

    private static int clamp(int v, int lo, int hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    public static Instant toInstant(String ts14) {
        return toDateTime(ts14).toInstant(ZoneOffset.UTC);
    }

    public static String of(Instant instant) {
        return DIGITS.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** RFC 1123 date, as Memento-Datetime and the TimeMap's datetime attributes carry it. */
    public static String httpDate(String ts14) {
        return HTTP_DATE.format(toDateTime(ts14).atOffset(ZoneOffset.UTC));
    }

    /** Parses an Accept-Datetime value (RFC 1123) into a 14-digit timestamp. */
    public static String fromHttpDate(String value) {
        try {
            return DIGITS.format(ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .withZoneSameInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Accept-Datetime is not an RFC 1123 date: " + value);
        }
    }

    /** "2016-03-01 12:00:00 UTC", for people. */
    public static String display(String ts14) {
        return DISPLAY.format(toDateTime(ts14));
    }

    /** Seconds between two 14-digit timestamps, unsigned. */
    public static long distance(String a, String b) {
        return Math.abs(toInstant(a).getEpochSecond() - toInstant(b).getEpochSecond());
    }
}
