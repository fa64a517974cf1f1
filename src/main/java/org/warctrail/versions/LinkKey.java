package org.warctrail.versions;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A link's URL with what does not change where it leads removed: the fragment, tracking parameters
 * (utm_*, fbclid, gclid...), case of scheme and host, a default port. Two links with the same key are
 * the same link, so re-tagged links do not show as a link removed and one added.
 */
final class LinkKey {
    private static final Set<String> TRACKING = Set.of(
            "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
            "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt.mc_id",
            "ocid", "cmpid", "ito", "spm", "ref_src", "ref_url", "s_cid", "ncid", "guccounter");

    private LinkKey() {
    }

    static String of(String url) {
        if (url == null) return "";
        String stripped = url.strip();
        if (isPlain(stripped)) return stripped;
        try {
            URI uri = new URI(stripped);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443)) port = -1;
            if (scheme == null || host == null) return withoutFragment(stripped);
            StringBuilder sb = new StringBuilder(scheme).append("://").append(host);
            if (port != -1) sb.append(':').append(port);
            String path = uri.getRawPath();
            sb.append(path == null || path.isEmpty() ? "/" : path);
            String query = withoutTracking(uri.getRawQuery());
            if (!query.isEmpty()) sb.append('?').append(query);
            return sb.toString();
        } catch (URISyntaxException e) {
            return withoutFragment(stripped);
        }
    }

    /** Already in key form: lower case, no query, no fragment, a path after the host (the common case, fast). */
    private static boolean isPlain(String url) {
        int scheme = url.indexOf("://");
        if (scheme <= 0 || url.indexOf('/', scheme + 3) < 0) return false;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c == '?' || c == '#' || c == ':' && i != scheme || (c >= 'A' && c <= 'Z') || c > 127) return false;
        }
        return true;
    }

    /** Whether a query parameter name is one that only tracks the click. */
    static boolean isTracking(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith("utm_") || TRACKING.contains(n);
    }

    private static String withoutTracking(String query) {
        if (query == null || query.isEmpty()) return "";
        List<String> kept = new ArrayList<>();
        for (String param : query.split("&")) {
            if (param.isEmpty()) continue;
            int eq = param.indexOf('=');
            String name = eq < 0 ? param : param.substring(0, eq);
            if (!isTracking(name)) kept.add(param);
        }
        return String.join("&", kept);
    }

    private static String withoutFragment(String url) {
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
