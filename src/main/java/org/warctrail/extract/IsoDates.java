package org.warctrail.extract;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the date strings pages carry (ISO 8601 with or without zone, RFC 1123, "September 19, 2016",
 * "19 Sep 2016", "2016/09/19", epoch seconds) into ISO 8601: a date-time with offset when the source has
 * a time and a zone, otherwise a date. Dates before 1990 or in the far future are rejected as noise.
 */
final class IsoDates {
    private static final Pattern ISO_LIKE = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,]\\d+)?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}|UTC|GMT)?)?");
    private static final Pattern SLASHED = Pattern.compile("\\b(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})\\b");
    private static final Pattern COMPACT = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?(Z)?$");
    private static final Pattern EPOCH = Pattern.compile("^\\d{10}(\\d{3})?$");
    private static final String MONTHS =
            "(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
    private static final Pattern MONTH_DAY_YEAR = Pattern.compile("(?i)\\b" + MONTHS + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(?i)\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTHS + ",?\\s+(\\d{4})\\b");
    private static final List<String> MONTH_PREFIXES =
            List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    private static final DateTimeFormatter RFC_1123 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter OUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss").appendOffsetId().toFormatter(Locale.ROOT);

    private IsoDates() {
    }

    /** The ISO 8601 form of a date string, or null if it holds no plausible date. */
    public static String normalize(String raw) {
        if (raw == null) return null;
        String s = raw.strip();
        if (s.isEmpty()) return null;
        try {
            String iso = parse(s);
            return iso != null && plausible(iso) ? iso : null;
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static String parse(String s) {
        Matcher m = ISO_LIKE.matcher(s);
        if (m.lookingAt()) return fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
        m = COMPACT.matcher(s);
        if (m.matches()) return fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7));
        if (EPOCH.matcher(s).matches()) {
            long v = Long.parseLong(s);
            Instant i = s.length() == 13 ? Instant.ofEpochMilli(v) : Instant.ofEpochSecond(v);
            return OUT.format(i.atOffset(ZoneOffset.UTC));
        }
        try {
            return OUT.format(ZonedDateTime.parse(s, RFC_1123).toOffsetDateTime());
        } catch (DateTimeParseException ignored) {
            // not RFC 1123; try the prose forms
        }
        return findInText(s);
    }

    /** The first date written in prose or as yyyy/mm/dd inside a longer text (a byline, a dateline), or null. */
    public static String findInText(String text) {
        if (text == null) return null;
        Matcher m = MONTH_DAY_YEAR.matcher(text);
        if (m.find()) return checked(date(m.group(3), month(m.group(1)), m.group(2)));
        m = DAY_MONTH_YEAR.matcher(text);
        if (m.find()) return checked(date(m.group(3), month(m.group(2)), m.group(1)));
        m = ISO_LIKE.matcher(text);
        if (m.find()) return checked(fromParts(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7)));
        m = SLASHED.matcher(text);
        if (m.find()) return checked(date(m.group(1), Integer.parseInt(m.group(2)), m.group(3)));
        return null;
    }

    private static String checked(String iso) {
        return iso != null && plausible(iso) ? iso : null;
    }

    private static String fromParts(String y, String mo, String d, String h, String mi, String sec, String zone) {
        LocalDate date = LocalDate.of(Integer.parseInt(y), Integer.parseInt(mo), Integer.parseInt(d));
        if (h == null || zone == null) return date.toString();
        LocalDateTime t = date.atTime(Integer.parseInt(h), Integer.parseInt(mi), sec == null ? 0 : Integer.parseInt(sec));
        ZoneOffset off;
        if (zone.equals("Z") || zone.equals("UTC") || zone.equals("GMT")) off = ZoneOffset.UTC;
        else {
            String z = zone.replace(":", "");
            if (z.length() == 3) z = z + "00";
            off = ZoneOffset.of(z.substring(0, 3) + ":" + z.substring(3));
        }
        return OUT.format(OffsetDateTime.of(t, off));
    }

    private static String date(String y, int month, String d) {
        if (month < 1) return null;
        try {
            return LocalDate.of(Integer.parseInt(y), month, Integer.parseInt(d)).toString();
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int month(String name) {
        return MONTH_PREFIXES.indexOf(name.substring(0, 3).toLowerCase(Locale.ROOT)) + 1;
    }

    private static boolean plausible(String iso) {
        int year = Integer.parseInt(iso.substring(0, 4));
        return year >= 1990 && year <= LocalDate.now(ZoneOffset.UTC).getYear() + 1
                && LocalDate.parse(iso.substring(0, 10)).get(ChronoField.YEAR) == year;
    }
}
