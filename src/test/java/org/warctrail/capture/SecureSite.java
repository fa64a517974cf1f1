package org.warctrail.capture;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * {@code https://secure.example} on loopback: a JDK HttpsServer with a certificate made at test time
 * by keytool (self-signed, so the default trust refuses it; SAN {@code dns:secure.example,ip:127.0.0.1}),
 * serving {@link #PAGE} (HTML, gzip-encoded, with an image) and {@link #IMAGE}. Logs the SNI name of
 * every request, or "" when the client sent none.
 */
final class SecureSite implements AutoCloseable {
    static final String HOST = "secure.example";
    static final String PAGE = "/page.html";
    static final String IMAGE = "/img/seal.png";
    static final byte[] HTML = "<!doctype html><title>Secure</title><h1>Behind TLS</h1><img src=\"/img/seal.png\">\n"
            .getBytes(StandardCharsets.UTF_8);
    /** The page as sent: gzip-compressed. */
    static final byte[] PAGE_BYTES = gzip(HTML);
    static final byte[] IMAGE_BYTES = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0, 'I', 'E', 'N', 'D'};
    private static final char[] PASSWORD = "changeit".toCharArray();

    private final KeyStore keys;
    private final HttpsServer server;
    private final List<String> serverNames = new CopyOnWriteArrayList<>();

    SecureSite(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        keys = selfSignedKeys(dir.resolve("secure.p12"));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", this::handle);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** The SNI host name of each request served, oldest first ("" for none). */
    List<String> serverNames() {
        return List.copyOf(serverNames);
    }

    /** A TLS context that trusts this site's certificate, as a custom trust store would. */
    SSLContext trustingContext() throws GeneralSecurityException {
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(keys);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            ExtendedSSLSession session = (ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession();
            serverNames.add(session.getRequestedServerNames().stream().filter(n -> n instanceof SNIHostName)
                    .map(n -> ((SNIHostName) n).getAsciiName()).findFirst().orElse(""));
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            if (path.equals(PAGE)) {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.getResponseHeaders().add("Content-Encoding", "gzip");
                body = PAGE_BYTES;
            } else if (path.equals(IMAGE)) {
                exchange.getResponseHeaders().add("Content-Type", "image/png");
                body = IMAGE_BYTES;
            } else {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Runs the JDK's keytool, as a user making a test certificate would. */
    private static KeyStore selfSignedKeys(Path file) throws IOException, GeneralSecurityException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "secure", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=" + HOST, "-ext", "SAN=dns:" + HOST + ",ip:127.0.0.1",
                "-validity", "7", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD), "-noprompt")
                .redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("keytool failed: " + new String(output, StandardCharsets.UTF_8));
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
