package org.warctrail.index;

import java.util.Locale;

/** How a CDX query's URL matches captures, as in pywb's CDX server API. */
public enum MatchType {
    /** The URL itself (SURT equality). */
    EXACT,
    /** Every URL starting with the given one. */
    PREFIX,
    /** Every URL on the same host. */
    HOST,
    /** Every URL on the host and its subdomains. */
    DOMAIN;

    public static MatchType parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("matchType must be exact, prefix, host or domain, not: " + value);
        }
    }
}
