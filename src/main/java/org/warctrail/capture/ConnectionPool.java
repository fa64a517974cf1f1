package org.warctrail.capture;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;

/**
 * Idle HTTP/1.1 connections kept for the next request to the same place, as wget and curl keep them: to an
 * origin at the address that was checked against the {@link TargetPolicy}, through a CONNECT tunnel to an origin,
 * or to a proxy for plain-http requests of any host. At most {@link #MAX_IDLE} wait, the oldest closed first, and
 * none longer than {@link #MAX_IDLE_NANOS}: servers close idle connections after a few seconds, and a connection
 * they closed costs a failed attempt before a new one is opened.
 */
final class ConnectionPool implements Closeable {
    static final int MAX_IDLE = 32;
    static final long MAX_IDLE_NANOS = 10_000_000_000L;

    /**
     * Where a connection leads.
     *
     * @param address the origin's address for a direct connection, null through a proxy
     * @param tunnel  whether it is a CONNECT tunnel through the proxy (to {@code host:port})
     */
    record Key(String scheme, String host, int port, InetAddress address, boolean tunnel) {
        Key {
            scheme = scheme.toLowerCase(Locale.ROOT);
            host = host.toLowerCase(Locale.ROOT);
        }

        static Key direct(String scheme, String host, int port, InetAddress address) {
            return new Key(scheme, host, port, address, false);
        }

        static Key tunnel(String host, int port) {
            return new Key("https", host, port, null, true);
        }

        /** Plain-http requests of any host through the proxy at {@code proxyHost:proxyPort}. */
        static Key proxy(String proxyHost, int proxyPort) {
            return new Key("http", proxyHost, proxyPort, null, false);
        }
    }

    private record Idle(Key key, Socket socket, long sinceNanos) {
    }

    private final ArrayDeque<Idle> idle = new ArrayDeque<>();

    /** An idle connection to {@code key}, or null; connections idle too long are closed on the way. */
    synchronized Socket take(Key key) {
        long now = System.nanoTime();
        Socket found = null;
        for (Iterator<Idle> it = idle.iterator(); it.hasNext(); ) {
            Idle i = it.next();
            if (now - i.sinceNanos > MAX_IDLE_NANOS || i.socket.isClosed()) {
                it.remove();
                closeQuietly(i.socket);
            } else if (found == null && i.key.equals(key)) {
                it.remove();
                found = i.socket;
            }
        }
        return found;
    }

    /** Keeps a connection whose last response was read to its end, for the next request to {@code key}. */
    synchronized void give(Key key, Socket socket) {
        idle.addLast(new Idle(key, socket, System.nanoTime()));
        while (idle.size() > MAX_IDLE) {
            closeQuietly(idle.removeFirst().socket);
        }
    }

    synchronized int idleCount() {
        return idle.size();
    }

    /** Closes every idle connection. */
    @Override
    public synchronized void close() {
        while (!idle.isEmpty()) {
            closeQuietly(idle.removeFirst().socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing an idle connection: nothing left to save
        }
    }
}
