package org.warctrail.capture;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The 14-digit UTC timestamps (yyyyMMddHHmmss) of CDX indexes and Wayback URLs. */
public final class TimestampFormat {
    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);

    private TimestampFormat() {
    }

    /** The 14-digit UTC form of an instant, seconds truncated. */
    public static String format(Instant instant) {
        return FORMAT.format(instant);
    }

    /**
     * Parses a 14-digit timestamp; a shorter prefix (as Wayback URLs allow, e.g. "2016" or "20160917")
     * is completed with the earliest instant it denotes.
     */
    public static Instant parse(String timestamp) {
        if (timestamp == null || timestamp.isEmpty() || timestamp.length() > 14 || !timestamp.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("not a 14-digit timestamp: " + timestamp);
        }
        String padded = timestamp + "00000101000000".substring(timestamp.length());
        try {
            return Instant.from(FORMAT.parse(padded));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a valid timestamp: " + timestamp, e);
        }
    }
}
