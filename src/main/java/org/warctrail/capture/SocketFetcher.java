package org.warctrail.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * A minimal HTTP/1.1 client over plain sockets, so the archive holds exactly the bytes exchanged:
 * persistent connections kept in a {@link ConnectionPool} (each response is read exactly to the end its
 * framing gives, so the next one starts on the next byte; a response framed by the end of the connection, cut
 * short, or answered with {@code Connection: close} ends its connection), directly or through an HTTP proxy
 * (absolute-form request line for http, a CONNECT tunnel for https), TLS with SNI and, unless
 * certificates are not checked, certificate and host name verification. Every address contacted
 * directly is checked against the {@link TargetPolicy}. Safe for fetches on several threads at once.
 */
final class SocketFetcher implements java.io.Closeable {
    /** Responses up to this size stay in memory; larger ones spill to a temporary file. */
    private static final int SPOOL_MEMORY = 1024 * 1024;
    /** Payloads kept for link extraction are cut at this size. */
    static final int PAYLOAD_SAMPLE_LIMIT = 16 * 1024 * 1024;

    private final CrawlConfig config;
    private final SSLSocketFactory tls;
    private final ConnectionPool pool = new ConnectionPool();
    private final java.util.concurrent.atomic.AtomicInteger connectionsOpened = new java.util.concurrent.atomic.AtomicInteger();

    SocketFetcher(CrawlConfig config) {
        this.config = config;
        this.tls = !config.checkCertificates() ? AnyCertificateTrust.context().getSocketFactory()
                : config.tlsContext() != null ? config.tlsContext().getSocketFactory()
                : (SSLSocketFactory) SSLSocketFactory.getDefault();
    }

    /**
     * Fetches a URL with GET, on an idle connection to the same place when there is one (a connection the server
     * closed while idle is noticed before any response byte arrives, and the request is sent again on a new one).
     *
     * @param keepPayload whether to keep the payload for link extraction, decided from the Content-Type
     * @throws TargetRefusedException when the target's address is refused by the policy
     * @throws IOException            when no complete response head arrived (the message names the URL)
     */
    Exchange fetch(URI url, java.util.function.Predicate<ResponseHead> keepPayload) throws IOException {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        String host = bareHost(url);
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        InetAddress direct = null;
        ConnectionPool.Key key;
        if (config.proxy() == null) {
            direct = resolveAllowed(host);
            key = ConnectionPool.Key.direct(scheme, host, port, direct);
        } else {
            checkThroughProxy(host);
            key = https ? ConnectionPool.Key.tunnel(host, port)
                    : ConnectionPool.Key.proxy(config.proxy().getHostString(), config.proxy().getPort());
        }
        byte[] request = requestBytes(url, host, port, https);
        Socket idle = pool.take(key);
        if (idle != null) {
            try {
                return exchange(idle, key, url, request, direct, keepPayload, true);
            } catch (ClosedWhileIdle e) {
                // the server closed it before reading the request: nothing was received, so send it again afresh
            }
        }
        return exchange(open(host, port, https, direct), key, url, request, direct, keepPayload, false);
    }

    /** Connections opened so far (TCP connections to the origin or the proxy). */
    int connectionsOpened() {
        return connectionsOpened.get();
    }

    /** Closes the idle connections. */
    @Override
    public void close() {
        pool.close();
    }

    /** A new connection to the origin: directly, or through the proxy (a CONNECT tunnel for https). */
    private Socket open(String host, int port, boolean https, InetAddress direct) throws IOException {
        long timeoutMillis = config.timeout().toMillis();
        Socket socket = config.proxy() == null
                ? connect(new InetSocketAddress(direct, port), timeoutMillis)
                : connect(new InetSocketAddress(config.proxy().getHostString(), config.proxy().getPort()), timeoutMillis);
        connectionsOpened.incrementAndGet();
        try {
            socket.setSoTimeout((int) timeoutMillis);
            if (https) {
                if (config.proxy() != null) {
                    openTunnel(socket, host, port);
                }
                socket = startTls(socket, host, port);
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Sends the request and reads the response on a connection; keeps the connection for the next request when
     * the response ended where its framing said and the server keeps it alive, else closes it.
     *
     * @throws ClosedWhileIdle when a reused connection turned out closed before any byte of a response arrived
     */
    private Exchange exchange(Socket socket, ConnectionPool.Key key, URI url, byte[] request, InetAddress direct,
                              java.util.function.Predicate<ResponseHead> keepPayload, boolean reused) throws IOException {
        long timeoutMillis = config.timeout().toMillis();
        SpooledBytes spool = null;
        boolean keepConnection = false;
        try {
            socket.setSoTimeout((int) timeoutMillis);
            Instant date = Instant.now();
            try {
                OutputStream out = socket.getOutputStream();
                out.write(request);
                out.flush();
            } catch (IOException e) {
                if (reused) {
                    throw new ClosedWhileIdle(e);
                }
                throw e;
            }

            spool = new SpooledBytes(SPOOL_MEMORY);
            MessageDigest blockDigest = sha1();
            MessageDigest payloadDigest = sha1();
            long deadline = System.nanoTime() + 2 * timeoutMillis * 1_000_000L;
            RecordingInput input = new RecordingInput(socket, socket.getInputStream(), spool, blockDigest,
                    config.maxResponseBytes(), deadline, (int) timeoutMillis);
            ByteArrayOutputStream sample = new ByteArrayOutputStream();
            ResponseReader reader = new ResponseReader(input, payloadDigest, sample, PAYLOAD_SAMPLE_LIMIT);
            ResponseHead head;
            try {
                head = reader.readHead();
            } catch (IOException e) {
                if (reused && input.consumed() == 0) {
                    throw new ClosedWhileIdle(e);
                }
                throw new IOException(url + ": " + e.getMessage(), e);
            }
            boolean keep = keepPayload.test(head);
            if (!keep) {
                reader = new ResponseReader(input, payloadDigest, null, 0);
            }
            reader.readBody(head, false);
            keepConnection = reader.delimited() && input.truncation() == WarcTruncationReason.NOT_TRUNCATED
                    && !input.hasUnconsumed() && head.keepsAlive();
            Exchange exchange = new Exchange(url, date, request, spool, direct, head,
                    new WarcDigest(blockDigest), new WarcDigest(payloadDigest), reader.payloadLength(),
                    input.truncation(), keep ? sample.toByteArray() : null);
            spool = null;
            return exchange;
        } finally {
            if (spool != null) {
                spool.close();
            }
            if (keepConnection) {
                pool.give(key, socket);
            } else {
                socket.close();
            }
        }
    }

    /** A reused connection the server had closed while it was idle; the request may be sent again. */
    private static final class ClosedWhileIdle extends IOException {
        ClosedWhileIdle(IOException cause) {
            super("connection closed while idle", cause);
        }
    }

    private static Socket connect(InetSocketAddress address, long timeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) timeoutMillis);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private InetAddress resolveAllowed(String host) throws IOException {
        InetAddress[] addresses;
        try {
            addresses = config.resolver().resolve(host);
        } catch (UnknownHostException e) {
            throw new UnknownHostException("unknown host " + host);
        }
        for (InetAddress address : addresses) {
            if (config.allowTarget().allows(address)) {
                return address;
            }
        }
        throw new TargetRefusedException("target " + host + " (" + addresses[0].getHostAddress() + ") is not allowed");
    }

    private void checkThroughProxy(String host) throws IOException {
        if (config.allowTarget().allowsAll()) {
            return; // the proxy resolves the name; nothing here would refuse any answer
        }
        InetAddress[] addresses;
        try {
            addresses = config.resolver().resolve(host);
        } catch (UnknownHostException e) {
            if (config.allowTarget().allowsUnresolvedHost()) {
                return;
            }
            throw new TargetRefusedException("target " + host + " does not resolve, so it cannot be checked");
        }
        for (InetAddress address : addresses) {
            if (!config.allowTarget().allows(address)) {
                throw new TargetRefusedException("target " + host + " (" + address.getHostAddress() + ") is not allowed");
            }
        }
    }

    private void openTunnel(Socket socket, String host, int port) throws IOException {
        String authority = authority(host, port);
        String connect = "CONNECT " + authority + " HTTP/1.1\r\nHost: " + authority + "\r\nUser-Agent: "
                + config.userAgent() + "\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(connect.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // Read the proxy's answer byte by byte so no byte of the tunnelled TLS stream is consumed.
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n") && !head.toString().endsWith("\n\n")) {
            int b = in.read();
            if (b < 0 || head.length() > 65536) {
                throw new IOException("proxy closed the CONNECT tunnel to " + authority);
            }
            head.append((char) b);
        }
        String statusLine = head.substring(0, head.indexOf("\n")).trim();
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[1].startsWith("2")) {
            throw new IOException("proxy refused CONNECT to " + authority + ": " + statusLine);
        }
    }

    private Socket startTls(Socket plain, String host, int port) throws IOException {
        SSLSocket socket = (SSLSocket) tls.createSocket(plain, host, port, true);
        SSLParameters params = socket.getSSLParameters();
        if (!isIpLiteral(host)) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        if (config.checkCertificates()) {
            params.setEndpointIdentificationAlgorithm("HTTPS");
        }
        socket.setSSLParameters(params);
        try {
            socket.startHandshake();
        } catch (SSLHandshakeException e) {
            if (rejectedCertificate(e)) {
                SSLHandshakeException clear = new SSLHandshakeException("certificate of " + authority(host, port)
                        + " not accepted (" + e.getMessage() + "); not checking certificates would capture it anyway");
                clear.initCause(e);
                throw clear;
            }
            throw e;
        }
        return socket;
    }

    /** Whether a failed handshake failed on the server's certificate (untrusted, expired, wrong name). */
    private static boolean rejectedCertificate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private byte[] requestBytes(URI url, String host, int port, boolean https) {
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
        String query = url.getRawQuery() == null ? "" : "?" + url.getRawQuery();
        String defaultPortHost = (port == (https ? 443 : 80)) ? hostForHeader(host) : authority(host, port);
        String target = config.proxy() != null && !https
                ? "http://" + defaultPortHost + path + query
                : path + query;
        String request = "GET " + target + " HTTP/1.1\r\n"
                + "Host: " + defaultPortHost + "\r\n"
                + "User-Agent: " + config.userAgent() + "\r\n"
                + "Accept: text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
                + "Accept-Encoding: gzip\r\n"
                + "\r\n";
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The host of a URL without the brackets of an IPv6 literal. */
    static String bareHost(URI url) {
        String host = url.getHost();
        if (host == null) {
            throw new IllegalArgumentException("URL has no host: " + url);
        }
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String hostForHeader(String host) {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static String authority(String host, int port) {
        return hostForHeader(host) + ":" + port;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("[0-9.]+");
    }

    static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required by every Java platform", e);
        }
    }
}
