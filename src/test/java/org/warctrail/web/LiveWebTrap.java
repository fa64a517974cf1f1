package org.warctrail.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback stand-in for the live web (and for an attacker's server). It counts every TCP connection, whether
 * or not an HTTP request follows (a preconnect opens one and sends nothing), and every UDP datagram on its UDP
 * port (STUN and TURN), and answers HTTP requests with a tiny page, recording each. A test asserts that replayed
 * pages never reached it.
 */
final class LiveWebTrap implements AutoCloseable {
    private final ServerSocket tcp;
    private final DatagramSocket udp;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "live-web-trap");
        t.setDaemon(true);
        return t;
    });
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> datagrams = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    LiveWebTrap() throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        tcp = new ServerSocket();
        tcp.bind(new InetSocketAddress(loopback, 0), 50);
        // the same port number for UDP, so a stun:/turn: URL on the trap's origin port lands here too
        udp = new DatagramSocket(new InetSocketAddress(loopback, tcp.getLocalPort()));
        threads.submit(this::acceptTcp);
        threads.submit(this::receiveUdp);
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket s = tcp.accept();
                connections.incrementAndGet();
                threads.submit(() -> answer(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void answer(Socket s) {
        try (s) {
            s.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) return; // a preconnect: counted, nothing to answer
            String[] parts = requestLine.split(" ");
            requests.add(parts[0] + " " + (parts.length > 1 ? parts[1] : ""));
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // headers: not needed
            }
            byte[] body = "<html><body>live web</body></html>".getBytes(StandardCharsets.UTF_8);
            OutputStream out = s.getOutputStream();
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nAccess-Control-Allow-Origin: *\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
        } catch (IOException e) {
            // a client that went away: the connection is counted already
        }
    }

    private void receiveUdp() {
        byte[] buffer = new byte[2048];
        while (!udp.isClosed()) {
            DatagramPacket p = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(p);
                datagrams.add(p.getLength() + " bytes from " + p.getSocketAddress());
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                datagrams.add("unreadable datagram: " + e.getMessage());
            }
        }
    }

    /** http://127.0.0.1:{port} */
    String origin() {
        return "http://127.0.0.1:" + port();
    }

    /** The TCP port, which is also the UDP port. */
    int port() {
        return tcp.getLocalPort();
    }

    List<String> requests() {
        return List.copyOf(requests);
    }

    /** TCP connections accepted so far, with or without a request. */
    int connections() {
        return connections.get();
    }

    /** UDP datagrams received so far. */
    List<String> datagrams() {
        return List.copyOf(datagrams);
    }

    @Override
    public void close() {
        try {
            tcp.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        udp.close();
        threads.shutdownNow();
    }
}
