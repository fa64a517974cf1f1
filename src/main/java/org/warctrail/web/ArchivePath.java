package org.warctrail.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A request under {@code /web/}, parsed the way Wayback and pywb read it: a TimeMap, a memento (timestamp,
 * optional modifier, URL) or, without a timestamp, a TimeGate. The archived URL is taken from the raw request
 * (path and query string as sent), so its percent-encoding and query reach the index unchanged.
 */
record ArchivePath(Kind kind, String timestamp, ReplayMode mode, String url) {
    public enum Kind { MEMENTO, TIMEGATE, TIMEMAP_LINK, TIMEMAP_JSON }

    private static final Pattern MEMENTO = Pattern.compile("^(\\d{1,14})([a-z]{2}_)?/(.*)$", Pattern.DOTALL);
    private static final Pattern SCHEME_ONE_SLASH =
            Pattern.compile("^(https?|metadata|file|ftp):/(?!/)", Pattern.CASE_INSENSITIVE);
    /**
     * Schemes archives index besides http(s): crawl metadata (wget's {@code metadata://}), {@code urn:} records
     * (Webrecorder's pages and text), local files, FTP, DNS lookups. Such URLs are taken as they are.
     */
    private static final Pattern OTHER_SCHEME =
            Pattern.compile("^(?:metadata|urn|file|ftp|dns|whois|filedesc):", Pattern.CASE_INSENSITIVE);

    /**
     * @param rest  the raw path after {@code /web/}
     * @param query the raw query string, or null
     */
    public static ArchivePath parse(String rest, String query) {
        if (rest.startsWith("timemap/link/")) {
            return new ArchivePath(Kind.TIMEMAP_LINK, null, null, target(rest.substring(13), query));
        }
        if (rest.startsWith("timemap/json/")) {
            return new ArchivePath(Kind.TIMEMAP_JSON, null, null, target(rest.substring(13), query));
        }
        Matcher m = MEMENTO.matcher(rest);
        if (m.matches() && !m.group(3).isEmpty()) {
            return new ArchivePath(Kind.MEMENTO, m.group(1), ReplayMode.of(m.group(2)), target(m.group(3), query));
        }
        return new ArchivePath(Kind.TIMEGATE, null, null, target(rest, query));
    }

    /** The archived URL: a scheme restored when missing or collapsed ("http:/x" by proxies), query appended. */
    static String target(String raw, String query) {
        if (raw.regionMatches(true, 0, "http%3A", 0, 7) || raw.regionMatches(true, 0, "https%3A", 0, 8)) {
            raw = java.net.URLDecoder.decode(raw, java.nio.charset.StandardCharsets.UTF_8); // fully encoded URL
        }
        String url = SCHEME_ONE_SLASH.matcher(raw).replaceFirst("$1://");
        if (!url.regionMatches(true, 0, "http://", 0, 7) && !url.regionMatches(true, 0, "https://", 0, 8)
                && !OTHER_SCHEME.matcher(url).lookingAt()) {
            url = "http://" + url;
        }
        if (query != null && !query.isEmpty()) url = url + "?" + query;
        return url;
    }
}
