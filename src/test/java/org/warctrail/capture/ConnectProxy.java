package org.warctrail.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on loopback that only tunnels: {@code CONNECT host:port} to a mapped address is
 * answered 200 and bytes are copied both ways until either side closes; anything else gets 502.
 * Fictional https hosts map to local servers. Every request line received is logged.
 */
final class ConnectProxy implements AutoCloseable {
    private final ServerSocket server;
    private final Map<String, InetSocketAddress> tunnels;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "connect-proxy");
        t.setDaemon(true);
        return t;
    });

    /** @param tunnels where {@code CONNECT host:port} goes, keyed by {@code host:port} */
    ConnectProxy(Map<String, InetSocketAddress> tunnels) throws IOException {
        this.tunnels = Map.copyOf(tunnels);
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        workers.execute(this::acceptLoop);
    }

    /** The proxy as {@code 127.0.0.1:PORT}. */
    String address() {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                workers.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(10_000);
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String head = readHead(in);
            String requestLine = head.lines().findFirst().orElse("");
            requestLines.add(requestLine);
            String[] parts = requestLine.split(" ");
            InetSocketAddress target = parts.length == 3 && parts[0].equals("CONNECT") ? tunnels.get(parts[1]) : null;
            if (target == null) {
                out.write("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
            try (Socket upstream = new Socket()) {
                upstream.connect(target, 5_000);
                out.write("HTTP/1.1 200 Connection Established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
                workers.execute(() -> copy(in, upstream));
                copy(upstream.getInputStream(), client);
            }
        } catch (IOException e) {
            // a side went away: the tunnel ends, fine for a test proxy
        }
    }

    /** Copies until end of input, then ends the output side so the other party sees the close. */
    private static void copy(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            // closed by the other direction
        }
    }

    /** Reads a request head byte by byte, so nothing after it (the tunnelled TLS) is consumed. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0 && head.size() < 65536) {
            head.write(b);
            String s = head.toString(StandardCharsets.ISO_8859_1);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
        throw new IOException("incomplete request head");
    }

    @Override
    public void close() throws IOException {
        server.close();
        workers.shutdownNow();
    }
}
