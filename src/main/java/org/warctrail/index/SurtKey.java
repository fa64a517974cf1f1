package org.warctrail.index;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.netpreserve.jwarc.URIs;

/** SURT keys and 14-digit timestamps as the capture index and CDX files write them. */
public final class SurtKey {
    /** Sorts after every character a SURT can hold, to turn a prefix into a range. */
    static final String MAX = "\uDBFF\uDFFF";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private SurtKey() {
    }

    /** The SURT of a URL as pywb writes it; a URL that cannot be parsed is its own key, as cdxj-indexer does. */
    public static String of(String url) {
        try {
            return URIs.toNormalizedSurt(url);
        } catch (RuntimeException e) {
            return url;
        }
    }

    /** A target URI as archives write it, cleaned the way other tools are lenient: {@code <...>}, spaces. */
    public static String cleanUrl(String target) {
        String url = target.strip();
        if (url.startsWith("<") && url.endsWith(">")) url = url.substring(1, url.length() - 1).strip();
        return url.replace(" ", "%20");
    }

    /** The host part of a SURT, e.g. {@code com,example)} for {@code com,example)/path}. */
    static String hostPart(String surt) {
        int paren = surt.indexOf(')');
        return paren < 0 ? surt : surt.substring(0, paren + 1);
    }

    public static String timestamp(Instant instant) {
        return STAMP.format(instant);
    }

    public static Instant instant(String timestamp14) {
        try {
            return STAMP.parse(padLow(timestamp14), Instant::from);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a 14-digit timestamp: " + timestamp14);
        }
    }

    /** A 1..14 digit timestamp prefix (or an ISO date like 2024-05-01) as the earliest 14-digit time it covers. */
    public static String padLow(String prefix) {
        String digits = digits(prefix);
        return (digits + "00000101000000".substring(digits.length())).substring(0, 14);
    }

    /** The latest 14-digit time a prefix covers (compared as strings, 9s suffice). */
    public static String padHigh(String prefix) {
        String digits = digits(prefix);
        return (digits + "99999999999999".substring(digits.length())).substring(0, 14);
    }

    private static String digits(String prefix) {
        String digits = prefix.replaceAll("[^0-9]", "");
        if (digits.isEmpty() || digits.length() > 14) {
            throw new IllegalArgumentException("not a timestamp (1 to 14 digits): " + prefix);
        }
        return digits;
    }
}
