package org.warctrail.web;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * How the server listens and what it lets clients do.
 *
 * @param bind         address to listen on (loopback by default)
 * @param port         TCP port; 0 picks a free one
 * @param allowPrivate whether capture from the UI may reach private, loopback and link-local targets
 * @param token        the secret write actions must present; null for none
 * @param replayPort   TCP port of the replay origin, where archived pages run (see {@link ReplayOrigin}); 0 picks
 *                     a free one
 */
public record ServeOptions(String bind, int port, boolean allowPrivate, String token, int replayPort) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public ServeOptions {
        if (bind == null || bind.isBlank()) bind = DEFAULT_BIND;
        if (port < 0 || port > 65535) throw new IllegalArgumentException("port must be 0..65535, not " + port);
        if (token != null && token.isBlank()) token = null;
        if (replayPort < 0 || replayPort > 65535) {
            throw new IllegalArgumentException("replay port must be 0..65535, not " + replayPort);
        }
        if (replayPort != 0 && replayPort == port) {
            throw new IllegalArgumentException("the replay port must differ from the UI's port " + port);
        }
    }

    /** Replay on a free port of its own. */
    public ServeOptions(String bind, int port, boolean allowPrivate, String token) {
        this(bind, port, allowPrivate, token, 0);
    }

    public static ServeOptions loopback(int port) {
        return new ServeOptions(DEFAULT_BIND, port, false, null);
    }

    /** True when only this machine can connect (the bind address is a loopback address). */
    public boolean loopbackOnly() {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
