package org.warctrail.provenance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;

/**
 * Reads the dates provenance orders by: ISO 8601 published dates (a date, a date-time, with or without offset,
 * taken as UTC when it has none) and 14-digit capture timestamps.
 */
public final class TimeOrder {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** Nulls (unknown times) last. */
    public static final Comparator<Instant> EARLIEST_FIRST = Comparator.nullsLast(Comparator.naturalOrder());

    private TimeOrder() {
    }

    /** The instant a date or timestamp names, or null when it is absent or unreadable. */
    public static Instant instant(String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.trim();
        try {
            if (v.length() >= 4 && v.length() <= 14 && v.chars().allMatch(Character::isDigit)) {
                String padded = (v + "0101000000".substring(Math.max(0, v.length() - 4))).substring(0, 14);
                return LocalDateTime.parse(padded, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
            }
            if (v.length() == 10) return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A 14-digit timestamp for an instant. */
    public static String timestamp(Instant instant) {
        return TIMESTAMP.format(instant);
    }
}
