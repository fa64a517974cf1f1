package org.warctrail.web;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Runs before every request: security headers on every response, and, when the server listens on loopback
 * only, a Host check so that a web page cannot reach it through DNS rebinding.
 */
final class RequestGuard {
    private final ServeOptions options;
    private final boolean loopbackOnly;

    public RequestGuard(ServeOptions options) {
        this.options = options;
        this.loopbackOnly = options.loopbackOnly();
    }

    public void before(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        // same-origin, not no-referrer: under no-referrer a browser sends "Origin: null" with a plain HTML form's POST,
        // which the WriteGuard must refuse (sandboxed archived pages send it too); other origins still get no referrer.
        ctx.header("Referrer-Policy", "same-origin");
        if (loopbackOnly && !loopbackHost(ctx.header("Host"))) {
            throw new ForbiddenResponse("this server answers only to localhost names");
        }
    }

    /** The host of a Host header, lower-cased, without its port; an IPv6 address keeps its brackets. */
    static String hostName(String hostHeader) {
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 ? host.substring(0, end + 1) : host;
        }
        int colon = host.indexOf(':');
        return colon >= 0 ? host.substring(0, colon) : host;
    }

    private boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) return true; // HTTP/1.0 without Host: the socket is loopback anyway
        String host = hostName(hostHeader);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals(options.bind())) return true;
        if (!host.matches("[0-9.]+|[0-9a-f:]+")) return false; // a name: only localhost names are ours
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
