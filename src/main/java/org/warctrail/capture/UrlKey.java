package org.warctrail.capture;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The crawler's notion of "the same URL": scheme and host lower-cased, default port and fragment
 * dropped, an empty path made "/", and session-id parameters removed (as Heritrix's canonicalisation
 * rules do), so a site that mints a new session id per link cannot make the crawler loop. Used for the
 * seen-set only; the URL fetched and recorded is the one found.
 */
final class UrlKey {
    private static final Pattern SESSION_PARAM = Pattern.compile(
            "(?i)^(jsessionid|phpsessid|sid|sessionid|session_id|aspsessionid[a-z]{8}|cfid|cftoken)=.*");
    private static final Pattern PATH_SESSION = Pattern.compile("(?i);jsessionid=[^/?#]*");

    private UrlKey() {
    }

    static String of(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        if ((scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443)) {
            port = -1;
        }
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        path = PATH_SESSION.matcher(path).replaceAll("");
        StringBuilder key = new StringBuilder(scheme).append("://").append(host);
        if (port > 0) {
            key.append(':').append(port);
        }
        key.append(path);
        String query = url.getRawQuery();
        if (query != null) {
            StringBuilder kept = new StringBuilder();
            for (String param : query.split("&")) {
                if (!param.isEmpty() && !SESSION_PARAM.matcher(param).matches()) {
                    kept.append(kept.length() == 0 ? "" : "&").append(param);
                }
            }
            if (kept.length() > 0) {
                key.append('?').append(kept);
            }
        }
        return key.toString();
    }

    /** The URL without its fragment, as fetched and recorded. */
    static URI withoutFragment(URI url) {
        if (url.getRawFragment() == null) {
            return url;
        }
        String s = url.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }
}
