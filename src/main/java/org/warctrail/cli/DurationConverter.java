package org.warctrail.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads a duration as people write it: 90s, 15m, 1h, 1d, 1h30m, or ISO 8601 (PT1H). */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    static Duration parse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (v.startsWith("p")) return positive(Duration.parse(v.toUpperCase(Locale.ROOT)), value);
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("not a duration: " + value);
        }
        if (!v.matches("(\\d+[dhms])+")) {
            throw new TypeConversionException("not a duration (try 30s, 15m, 1h, 1d): " + value);
        }
        Duration total = Duration.ZERO;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)([dhms])").matcher(v);
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

    private static Duration positive(Duration d, String value) {
        if (d.isZero() || d.isNegative()) throw new TypeConversionException("duration must be positive: " + value);
        return d;
    }
}
