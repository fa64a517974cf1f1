package org.warctrail.capture;

import java.util.Locale;

/** Which outlinks of a captured page the crawler follows (requisites are governed separately). */
public enum FollowMode {
    /** Only links the page cites as sources ({@link LinkRole#SOURCE}); the default when depth > 0. */
    SOURCES,
    /** Every hyperlink: sources and other links. */
    ALL,
    /** Every hyperlink whose host is the host of the seed the page descends from. */
    SAME_HOST;

    /** Parses the command-line spelling: {@code sources}, {@code all} or {@code same-host}. */
    public static FollowMode parse(String text) {
        String key = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (FollowMode mode : values()) {
            if (mode.name().equals(key)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown follow mode '" + text + "' (expected sources, all or same-host)");
    }

    /** The command-line spelling. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
