package org.warctrail.capture;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What to capture and how politely. Build with {@link #builder(URI...)}; every field has a default
 * except the seeds.
 *
 * @param seeds            http or https URLs to start from
 * @param depth            link hops to follow from a seed (0: the seeds and their requisites)
 * @param follow           which outlinks count as hops ({@link FollowMode#SOURCES} by default)
 * @param requisites       whether images, CSS, scripts of captured pages are captured too
 * @param obeyRobots       whether robots.txt rules and Crawl-delay are obeyed
 * @param delayMillis      pause between two requests to the same host, from the end of one to the start of the next
 * @param maxPages         pages (documents fetched as HTML or PDF, not requisites) in this run at most; the requisites
 *                         of the pages captured are still fetched when it is reached
 * @param maxResponseBytes bytes of one response (headers included) at most; the rest is cut, the record marked truncated
 * @param maxTotalBytes    bytes of all responses at most; no fetch starts once reached (the fetches under way, one per
 *                         thread at most, are still recorded)
 * @param timeout          connect and read timeout, and twice it is the limit on one whole response
 * @param timeLimit        wall-clock limit on the whole run, or null for none
 * @param userAgent        the User-Agent header and the name robots.txt rules are matched against
 * @param proxy            an HTTP proxy (absolute-form requests, CONNECT for https), or null to connect directly
 * @param maxRedirects     redirect hops followed from one URL at most
 * @param maxCrawlDelay    a robots.txt Crawl-delay longer than this is capped to it
 * @param allowTarget      which resolved addresses may be contacted, checked on every connection
 * @param resolver         how host names are resolved when connecting directly or checking targets
 * @param checkCertificates whether https servers must show a certificate trusted by {@code tlsContext} and
 *                         valid for the host name; when false any certificate is accepted (as wget's
 *                         {@code --no-check-certificate}: archives keep sites with expired or self-signed
 *                         certificates, and the records are the same). SNI is sent either way.
 * @param tlsContext       the trust (and TLS settings) for checked https connections, or null for the JVM's default
 * @param threads          fetches at once, each to a different host (one connection per host, with its delay, always)
 */
public record CrawlConfig(
        List<URI> seeds,
        int depth,
        FollowMode follow,
        boolean requisites,
        boolean obeyRobots,
        long delayMillis,
        int maxPages,
        long maxResponseBytes,
        long maxTotalBytes,
        Duration timeout,
        Duration timeLimit,
        String userAgent,
        InetSocketAddress proxy,
        int maxRedirects,
        Duration maxCrawlDelay,
        TargetPolicy allowTarget,
        HostResolver resolver,
        boolean checkCertificates,
        SSLContext tlsContext,
        int threads) {

    /**
     * Fetches at once by default: the cores, and at least a few, since a fetch mostly waits on the network and
     * politeness keeps each host to one at a time anyway.
     */
    public static final int DEFAULT_THREADS = Math.max(4, Runtime.getRuntime().availableProcessors());

    public static final String DEFAULT_USER_AGENT = "warctrail/0.1 (+https://github.com/warctrail/warctrail)";

    public CrawlConfig {
        seeds = List.copyOf(seeds);
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seed URL given");
        }
        for (URI seed : seeds) {
            String scheme = seed.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) || seed.getHost() == null) {
                throw new IllegalArgumentException("not an http or https URL: " + seed);
            }
        }
        requireAtLeast("depth", depth, 0);
        requireAtLeast("delay", delayMillis, 0);
        requireAtLeast("max pages", maxPages, 1);
        requireAtLeast("max bytes per response", maxResponseBytes, 1);
        requireAtLeast("max total bytes", maxTotalBytes, 1);
        requireAtLeast("max redirects", maxRedirects, 0);
        requireAtLeast("threads", threads, 1);
        Objects.requireNonNull(follow, "follow");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(maxCrawlDelay, "maxCrawlDelay");
        Objects.requireNonNull(allowTarget, "allowTarget");
        Objects.requireNonNull(resolver, "resolver");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        if (userAgent.isBlank() || userAgent.indexOf('\r') >= 0 || userAgent.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("user agent must be one non-blank line");
        }
    }

    private static void requireAtLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    public static Builder builder(URI... seeds) {
        Builder builder = new Builder();
        for (URI seed : seeds) {
            builder.seed(seed);
        }
        return builder;
    }

    /** Parses a proxy given as {@code host:port} or {@code http://host:port}. */
    public static InetSocketAddress parseProxy(String text) {
        String s = text.trim();
        if (s.regionMatches(true, 0, "http://", 0, 7)) {
            s = s.substring(7);
        }
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        int colon = s.lastIndexOf(':');
        if (colon <= 0 || colon == s.length() - 1 || s.contains("/")) {
            throw new IllegalArgumentException("proxy must be HOST:PORT or http://HOST:PORT, got '" + text + "'");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("proxy port is not a number in '" + text + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxy port out of range in '" + text + "'");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    public static final class Builder {
        private final List<URI> seeds = new ArrayList<>();
        private int depth = 0;
        private FollowMode follow = FollowMode.SOURCES;
        private boolean requisites = true;
        private boolean obeyRobots = true;
        private long delayMillis = 1000;
        private int maxPages = 1000;
        private long maxResponseBytes = 100L * 1024 * 1024;
        private long maxTotalBytes = 10L * 1024 * 1024 * 1024;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration timeLimit = null;
        private String userAgent = DEFAULT_USER_AGENT;
        private InetSocketAddress proxy = null;
        private int maxRedirects = 10;
        private Duration maxCrawlDelay = Duration.ofSeconds(30);
        private TargetPolicy allowTarget = TargetPolicy.any();
        private HostResolver resolver = HostResolver.SYSTEM;
        private boolean checkCertificates = true;
        private SSLContext tlsContext = null;
        private int threads = DEFAULT_THREADS;

        private Builder() {
        }

        public Builder seed(URI url) {
            seeds.add(url);
            return this;
        }

        public Builder seed(String url) {
            try {
                return seed(new URI(url.trim()));
            } catch (java.net.URISyntaxException e) {
                throw new IllegalArgumentException("not a valid URL: " + url, e);
            }
        }

        public Builder seeds(List<URI> urls) {
            seeds.addAll(urls);
            return this;
        }

        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public Builder follow(FollowMode follow) {
            this.follow = follow;
            return this;
        }

        public Builder requisites(boolean requisites) {
            this.requisites = requisites;
            return this;
        }

        public Builder obeyRobots(boolean obeyRobots) {
            this.obeyRobots = obeyRobots;
            return this;
        }

        public Builder delayMillis(long delayMillis) {
            this.delayMillis = delayMillis;
            return this;
        }

        public Builder maxPages(int maxPages) {
            this.maxPages = maxPages;
            return this;
        }

        public Builder maxResponseBytes(long maxResponseBytes) {
            this.maxResponseBytes = maxResponseBytes;
            return this;
        }

        public Builder maxTotalBytes(long maxTotalBytes) {
            this.maxTotalBytes = maxTotalBytes;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        public Builder timeLimit(Duration timeLimit) {
            this.timeLimit = timeLimit;
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder proxy(InetSocketAddress proxy) {
            this.proxy = proxy;
            return this;
        }

        /** A proxy as {@code host:port} or {@code http://host:port}; null or blank for none. */
        public Builder proxy(String proxy) {
            this.proxy = proxy == null || proxy.isBlank() ? null : parseProxy(proxy);
            return this;
        }

        public Builder maxRedirects(int maxRedirects) {
            this.maxRedirects = maxRedirects;
            return this;
        }

        public Builder maxCrawlDelay(Duration maxCrawlDelay) {
            this.maxCrawlDelay = maxCrawlDelay;
            return this;
        }

        public Builder allowTarget(TargetPolicy allowTarget) {
            this.allowTarget = allowTarget;
            return this;
        }

        public Builder resolver(HostResolver resolver) {
            this.resolver = resolver;
            return this;
        }

        public Builder checkCertificates(boolean checkCertificates) {
            this.checkCertificates = checkCertificates;
            return this;
        }

        /** Trust for checked https connections (e.g. an institution's own CA); null for the JVM's default. */
        public Builder tlsContext(SSLContext tlsContext) {
            this.tlsContext = tlsContext;
            return this;
        }

        /** Fetches at once, each to a different host (1: one request at a time, as before). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        public CrawlConfig build() {
            return new CrawlConfig(seeds, depth, follow, requisites, obeyRobots, delayMillis, maxPages,
                    maxResponseBytes, maxTotalBytes, timeout, timeLimit, userAgent, proxy, maxRedirects,
                    maxCrawlDelay, allowTarget, resolver, checkCertificates, tlsContext, threads);
        }
    }
}
