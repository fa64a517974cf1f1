package org.warctrail.provenance;

import java.net.URI;
import java.util.Locale;
import org.netpreserve.jwarc.URIs;

/**
 * URL identity for provenance: the normalised SURT, so that http/https, "www." and trailing-slash variants of a
 * URL are one node; and the site (host without "www."), the unit of boilerplate.
 */
public final class UrlKey {
    private UrlKey() {
    }

    /** The normalised SURT of a URL; the lower-cased URL itself when it cannot be parsed. */
    public static String of(String url) {
        if (url == null) return "";
        try {
            return URIs.toNormalizedSurt(url);
        } catch (RuntimeException e) {
            return url.trim().toLowerCase(Locale.ROOT);
        }
    }

    /** The host of a URL without a leading "www.", lower case; "" when it has none. */
    public static String site(String url) {
        if (url == null) return "";
        try {
            URI uri = URIs.parseLeniently(url);
            String host = uri.getHost();
            if (host == null) return "";
            host = host.toLowerCase(Locale.ROOT);
            return host.startsWith("www.") ? host.substring(4) : host;
        } catch (RuntimeException e) {
            return "";
        }
    }
}
