package org.warctrail.extract;

import java.net.MalformedURLException;
import java.net.URL;

/**
 * Resolves a page's links against its base URL as jsoup's {@code Element.absUrl} does (same results, odd hrefs
 * included: control characters dropped, "?query" against the base's path, leading "/../" segments removed, user
 * info dropped, "" for what cannot be resolved), with the base parsed once per page instead of once per link, and
 * without jsoup's per-call regular expressions (its control-character strip alone replaces at every position).
 */
final class UrlResolver {
    /** The parsed base, or null when the page's base is not a URL (then only absolute hrefs resolve). */
    private final URL base;

    UrlResolver(String baseUri) {
        URL parsed = null;
        try {
            parsed = new URL(withoutControlChars(baseUri == null ? "" : baseUri));
        } catch (MalformedURLException e) {
            // a file read without a URL: absolute links still resolve on their own
        }
        this.base = parsed;
    }

    /** The href made absolute, or "" when it cannot be (jsoup's absUrl contract). */
    String resolve(String href) {
        String rel = withoutControlChars(href);
        if (isPlainAbsolute(rel)) return rel;
        try {
            if (base == null) {
                URL abs = new URL(rel);
                requireHttpHost(abs);
                return abs.toExternalForm();
            }
            // java.net.URL resolves "?q" against the directory, browsers against the page
            if (rel.startsWith("?")) rel = base.getPath() + rel;
            URL url = new URL(base, rel);
            String file = withoutLeadingDotSegments(url.getFile());
            if (url.getRef() != null) file = file + "#" + url.getRef();
            URL fixed = new URL(url.getProtocol(), url.getHost(), url.getPort(), file);
            requireHttpHost(fixed);
            return fixed.toExternalForm();
        } catch (MalformedURLException e) {
            // a scheme Java has no handler for (tel:, whatsapp:) stays as written; a broken http(s) URL is dropped
            return hasScheme(rel) && !hasHttpScheme(rel) ? rel : "";
        }
    }

    /**
     * Whether the href is an absolute http(s) URL that java.net.URL and jsoup give back unchanged, whatever the base:
     * lower-case scheme and host of [a-z0-9.-], a port without leading zero, then printable ASCII without spaces,
     * backslashes or dot segments ("/."). Most of a page's links are such; they skip three URL parses.
     */
    static boolean isPlainAbsolute(String s) {
        int i;
        if (s.startsWith("https://")) i = 8;
        else if (s.startsWith("http://")) i = 7;
        else return false;
        int n = s.length(), hostStart = i;
        while (i < n && isHostChar(s.charAt(i))) i++;
        if (i == hostStart) return false;
        if (i < n && s.charAt(i) == ':') {
            int portStart = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
            if (i == portStart || i - portStart > 5 || s.charAt(portStart) == '0') return false;
        }
        if (i < n && s.charAt(i) != '/' && s.charAt(i) != '?' && s.charAt(i) != '#') return false;
        for (int j = i; j < n; j++) {
            char c = s.charAt(j);
            if (c <= ' ' || c > '~' || c == '\\' || c == '.' && s.charAt(j - 1) == '/') return false;
        }
        return true;
    }

    private static boolean isHostChar(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    private static void requireHttpHost(URL url) throws MalformedURLException {
        if (isHttp(url.getProtocol()) && url.getHost().isEmpty()) throw new MalformedURLException("Invalid URL: host is missing");
    }

    private static boolean isHttp(String scheme) {
        return scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https");
    }

    /** Browsers drop ASCII control characters from URLs (and may then see a scheme): so does jsoup. */
    static String withoutControlChars(String s) {
        int i = 0, n = s.length();
        while (i < n && s.charAt(i) >= 0x20) i++;
        if (i == n) return s;
        StringBuilder out = new StringBuilder(n);
        out.append(s, 0, i);
        for (; i < n; i++) if (s.charAt(i) >= 0x20) out.append(s.charAt(i));
        return out.toString();
    }

    /** "/./a" and "/../../a" become "/a": java.net.URL keeps dot segments that climb above the root. */
    static String withoutLeadingDotSegments(String file) {
        if (!file.startsWith("/")) return file;
        int i = 1;
        while (true) {
            if (file.startsWith("./", i)) i += 2;
            else if (file.startsWith("../", i)) i += 3;
            else break;
        }
        return i == 1 ? file : "/" + file.substring(i);
    }

    /** Whether the text starts with a URI scheme and colon ({@code [a-zA-Z][a-zA-Z0-9+-.]*:}). */
    static boolean hasScheme(String s) {
        if (s.isEmpty() || !isAsciiLetter(s.charAt(0))) return false;
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ':') return true;
            // jsoup's class [a-zA-Z0-9+-.] holds the range '+'..'.', that is also ',' and '-'
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && !(c >= '+' && c <= '.')) return false;
        }
        return false;
    }

    private static boolean hasHttpScheme(String s) {
        return s.regionMatches(true, 0, "http:", 0, 5) || s.regionMatches(true, 0, "https:", 0, 6);
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
