package org.warctrail.versions;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often a watch recaptures, as people write it: 90s, 15m, 1h, 1d, 1h30m, or ISO 8601 (PT1H). Read by
 * {@code watch --every} and by the UI's watch form, written back the same way.
 */
public final class WatchInterval {
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private WatchInterval() {
    }

    /** The positive duration written; IllegalArgumentException names the value when it is not one. */
    public static Duration parse(String value) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("give a duration (30s, 15m, 1h, 1d)");
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.startsWith("p")) {
            try {
                return positive(Duration.parse(v.toUpperCase(Locale.ROOT)), value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a duration: " + value);
            }
        }
        if (!v.matches("(\\d{1,9}[dhms])+")) {
            throw new IllegalArgumentException("not a duration (try 30s, 15m, 1h, 1d): " + value);
        }
        Duration total = Duration.ZERO;
        Matcher m = PART.matcher(v);
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "d" -> Duration.ofDays(n);
                case "h" -> Duration.ofHours(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofSeconds(n);
            });
        }
        return positive(total, value);
    }

    /** The shortest form {@link #parse} reads back: 1d6h, 30m, 90s is 1m30s. */
    public static String describe(Duration d) {
        List<String> parts = new ArrayList<>();
        if (d.toDaysPart() > 0) parts.add(d.toDaysPart() + "d");
        if (d.toHoursPart() > 0) parts.add(d.toHoursPart() + "h");
        if (d.toMinutesPart() > 0) parts.add(d.toMinutesPart() + "m");
        if (d.toSecondsPart() > 0 || parts.isEmpty()) parts.add(d.toSecondsPart() + "s");
        return String.join("", parts);
    }

    private static Duration positive(Duration d, String value) {
        if (d.isZero() || d.isNegative()) throw new IllegalArgumentException("duration must be positive: " + value);
        return d;
    }
}
