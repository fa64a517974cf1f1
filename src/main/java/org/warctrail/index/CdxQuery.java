package org.warctrail.index;

/**
 * A capture index query.
 *
 * @param url     the URL (any form: SURT matching makes http/https, www. and trailing-slash variants meet);
 *                null or empty for every capture
 * @param from    inclusive lower bound, a timestamp prefix of 1..14 digits, or null
 * @param to      inclusive upper bound, a timestamp prefix of 1..14 digits, or null
 * @param limit   the most rows to return (0 for no limit)
 * @param reverse newest first instead of SURT then timestamp order
 */
public record CdxQuery(String url, MatchType matchType, String from, String to, int limit, boolean reverse) {
    public static CdxQuery exact(String url) {
        return new CdxQuery(url, MatchType.EXACT, null, null, 0, false);
    }

    public static CdxQuery all() {
        return new CdxQuery(null, MatchType.PREFIX, null, null, 0, false);
    }
}
