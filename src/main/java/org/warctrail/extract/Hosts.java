package org.warctrail.extract;

import crawlercommons.domains.EffectiveTldFinder;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/** Host comparisons for link classification: the same site is the same registrable domain (public suffix + 1). */
final class Hosts {
    private Hosts() {
    }

    private static final AtomicBoolean LOADING = new AtomicBoolean();

    /**
     * Reads the public suffix list on a thread of its own, once. Reading it (9,000 rules, each through
     * {@code IDN.toASCII}) is a tenth of a second before the JIT has warmed up, and every extraction thread waits
     * for it at its first link: begun when an extractor is made, it overlaps start-up work instead.
     */
    static void loadSuffixListInBackground() {
        if (!LOADING.compareAndSet(false, true)) return;
        Thread loader = new Thread(EffectiveTldFinder::getInstance, "public-suffix-list");
        loader.setDaemon(true);
        loader.start();
    }

    static String host(String url) {
        if (url == null) return null;
        String plain = plainHost(url);
        return plain != null ? plain : parsedHost(url);
    }

    /**
     * The host of an http(s) URL whose authority is a plain DNS name (dot-separated labels of letters, digits and
     * inner hyphens, the last starting with a letter; no user info; an optional numeric port), lower-cased: what
     * {@link #parsedHost} answers for it, read without parsing the whole URL (that parse was a tenth of link
     * classification). Null for any other URL, which goes to the parser.
     */
    static String plainHost(String url) {
        int start;
        if (url.regionMatches(true, 0, "https://", 0, 8)) start = 8;
        else if (url.regionMatches(true, 0, "http://", 0, 7)) start = 7;
        else return null;
        int n = url.length();
        int i = start;
        int lastLabel = start;
        boolean upper = false;
        char previous = '.';
        for (; i < n; i++) {
            char c = url.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                previous = c;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
                previous = c;
            } else if (c == '-') {
                if (previous == '.') return null;
                previous = c;
            } else if (c == '.') {
                if (previous == '.' || previous == '-') return null;
                previous = c;
                lastLabel = i + 1;
            } else {
                break;
            }
        }
        if (i == start || previous == '.' || previous == '-') return null;
        char first = url.charAt(lastLabel);
        if (!(first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z')) return null;
        int end = i;
        if (i < n && url.charAt(i) == ':') {
            int digits = i + 1;
            while (digits < n && url.charAt(digits) >= '0' && url.charAt(digits) <= '9') digits++;
            if (digits == i + 1 || digits > i + 6) return null; // a port of 1 to 5 digits: both parsers take it
            i = digits;
        }
        if (i < n && url.charAt(i) != '/' && url.charAt(i) != '?' && url.charAt(i) != '#') return null;
        String host = url.substring(start, end);
        return upper ? host.toLowerCase(Locale.ROOT) : host;
    }

    /** The host as {@link URI} reads it, or {@link java.net.URL} where URI refuses the URL. */
    static String parsedHost(String url) {
        try {
            String h = URI.create(url).getHost();
            return h == null ? null : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            try { // URLs as pages write them may hold spaces or other characters URI refuses
                String h = new java.net.URL(url).getHost();
                return h == null || h.isEmpty() ? null : h.toLowerCase(Locale.ROOT);
            } catch (java.net.MalformedURLException bad) {
                return null;
            }
        }
    }

    /** The registrable domain of a host ("www.bbc.co.uk" → "bbc.co.uk"); the host itself when it has none. */
    static String site(String host) {
        if (host == null) return null;
        String domain = EffectiveTldFinder.getAssignedDomain(host, true, false);
        return domain == null ? host : domain;
    }

    static boolean sameSite(String urlA, String urlB) {
        return sameSiteHosts(host(urlA), host(urlB));
    }

    /** {@link #sameSite} of two hosts already read from their URLs (a page's links all share the page's). */
    static boolean sameSiteHosts(String hostA, String hostB) {
        // a host's site is never null: the same host is the same site without a public-suffix lookup
        if (hostA != null && hostA.equals(hostB)) return true;
        String a = site(hostA), b = site(hostB);
        return a != null && a.equals(b);
    }

    /** Whether the host is one of the domains or a subdomain of one. */
    static boolean matches(String host, List<String> domains) {
        if (host == null) return false;
        for (String d : domains) {
            if (host.endsWith(d) && (host.length() == d.length() || host.charAt(host.length() - d.length() - 1) == '.')) return true;
        }
        return false;
    }
}
