package org.warctrail.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jsoup.internal.StringUtil;

/**
 * Maps the URLs an archived resource cites into the archive: {@code /web/{ts}mp_/{absolute url}}. Frame
 * content links stay in the frame (the frame is sandboxed without top navigation), so every rewritten URL,
 * embed or navigation, uses the {@code mp_} form; the server then redirects to the nearest capture.
 */
final class ArchiveUrls {
    private final String timestamp;
    private String base;

    /**
     * @param timestamp the capture time that rewritten URLs ask for
     * @param base      the URL relative references resolve against (the page's URL, until a base element)
     */
    public ArchiveUrls(String timestamp, String base) {
        this.timestamp = timestamp;
        this.base = base;
    }

    public void base(String newBase) {
        this.base = newBase;
    }

    public String base() {
        return base;
    }

    /** An absolute http(s) URL for a reference, or null when it is not one to rewrite (data:, #x, mailto:). */
    public String absolute(String ref) {
        String r = ref.strip();
        if (r.isEmpty() || r.startsWith("#")) return null;
        String lower = r.toLowerCase(Locale.ROOT);
        int colon = lower.indexOf(':');
        int slash = lower.indexOf('/');
        if (colon > 0 && (slash < 0 || colon < slash) && !lower.startsWith("http:") && !lower.startsWith("https:")) {
            return null; // data:, javascript:, mailto:, blob:, about:...
        }
        String abs = StringUtil.resolve(base, r);
        if (abs.isEmpty()) return null;
        String absLower = abs.toLowerCase(Locale.ROOT);
        return absLower.startsWith("http://") || absLower.startsWith("https://") ? abs : null;
    }

    /** The reference as an archive URL, or the reference unchanged when it is not an http(s) one. */
    public String rewrite(String ref) {
        String abs = absolute(ref);
        return abs == null ? ref : replay(timestamp, ReplayMode.REWRITTEN, abs);
    }

    public static String replay(String timestamp, ReplayMode mode, String url) {
        return "/web/" + timestamp + mode.modifier() + "/" + url;
    }

    public static String timeline(String url) {
        return "/timeline?url=" + encode(url);
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
