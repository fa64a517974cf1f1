package org.warctrail.web;

import io.javalin.http.Context;

/**
 * The second origin archived pages run in: the same host as the UI on a port of its own. The snapshot's frame
 * loads the page from here, so the page's scripts get a real origin (their own storage, the Navigation API, same-origin
 * requests for their fetch and XHR) that is not the UI's: they cannot read the UI, call its API, or reach it with a
 * root-relative URL — {@code fetch('/api/...')} lands here, where only the archive answers. pywb and the Wayback
 * Machine advise the same (a separate content host). Its port is known once the server listens.
 */
public final class ReplayOrigin {
    private volatile int port = -1;
    private volatile int uiPort = -1;

    void listening(int uiPort, int port) {
        this.uiPort = uiPort;
        this.port = port;
    }

    public int port() {
        return port;
    }

    /** True when the request came to the replay origin rather than the UI. */
    public boolean serves(Context ctx) {
        return port > 0 && ctx.req().getLocalPort() == port;
    }

    /** The replay origin as the client names this server ({@code http://localhost:PORT} if it asked localhost). */
    public String origin(Context ctx) {
        return "http://" + hostName(ctx) + ":" + port;
    }

    /** The UI's origin as the client names it, from a request to either origin. */
    public String uiOrigin(Context ctx) {
        return "http://" + hostName(ctx) + ":" + uiPort;
    }

    private static String hostName(Context ctx) {
        String host = ctx.header("Host");
        return host == null || host.isBlank() ? ctx.req().getLocalAddr() : RequestGuard.hostName(host);
    }
}
