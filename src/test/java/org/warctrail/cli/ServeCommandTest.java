package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.store.RotatingWarcWriter;

/**
 * {@code serve} in a child JVM, as a user runs it: on a store whose derived data is all pending it listens at once
 * and derives in the background until status shows everything done; stopped with SIGTERM while a browser follows
 * a running capture's events, it ends quietly (no warning, error or stack trace) once the hooks have run.
 */
class ServeCommandTest {
    private static final Pattern SERVING = Pattern.compile("warctrail: serving .* at (http://127\\.0\\.0\\.1:\\d+)/");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    @Timeout(180)
    void servesAtOnceDerivesTheBacklogAndStopsQuietly() throws Exception {
        Path store = dir.resolve("store");
        long captures;
        try (FixtureWeb web = FixtureWeb.start();
             Archive archive = Archive.open(store, m -> { }, DocumentExtractor.standard(), List.of())) {
            archive.capture(CrawlConfig.builder(FixtureWeb.BLOG_POST).proxy(web.proxy()).delayMillis(0).depth(2)
                    .allowTarget(TargetPolicy.any()).build(), RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE,
                    CaptureListener.NONE);
            captures = archive.index().stats().captures();
        }
        // every capture pending, as a schema upgrade leaves a store
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("index.sqlite"));
             Statement st = c.createStatement()) {
            st.execute("INSERT OR IGNORE INTO derivations (capture_id, state) SELECT id, 'pending' FROM captures");
        }
        assertTrue(captures > 10, "too few captures: " + captures);

        Path log = dir.resolve("serve.log");
        Process serve = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--store", store.toString(), "--port", "0", "--allow-private")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try (ServerSocket site = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            String base = awaitServing(serve, log);
            assertEquals(200, get(base + "/").statusCode());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            JsonNode derived;
            while ((derived = JSON.readTree(get(base + "/api/stats").body()).get("derived")).get("pending").asLong() > 0) {
                assertTrue(System.nanoTime() < deadline, "the backlog was not derived: " + derived);
                Thread.sleep(50);
            }
            assertEquals(captures, derived.get("done").asLong(), derived.toString());
            assertEquals(0, derived.get("failed").asLong(), derived.toString());

            // a capture that stays running (its site never answers), followed by a browser
            HttpResponse<String> started = client.send(HttpRequest.newBuilder(URI.create(base + "/api/captures"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"url\":\"http://127.0.0.1:" + site.getLocalPort() + "/\",\"depth\":0}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, started.statusCode(), started.body());
            String events = JSON.readTree(started.body()).get("events").asText();
            try (Socket browser = new Socket("127.0.0.1", URI.create(base).getPort());
                 Socket accepted = site.accept()) {
                OutputStream out = browser.getOutputStream();
                out.write(("GET " + events + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                BufferedReader in = new BufferedReader(new InputStreamReader(browser.getInputStream(),
                        StandardCharsets.UTF_8));
                assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
                String line;
                while ((line = in.readLine()) != null && !line.startsWith("data:")) {
                    // headers, then the first event (the crawl's progress)
                }

                serve.destroy(); // SIGTERM, as Ctrl-C or a service manager stops it
                // the site lets the crawler go once the server asked it to stop
                accepted.close();
                assertTrue(serve.waitFor(60, TimeUnit.SECONDS), "serve did not stop");
            }
        } finally {
            serve.destroyForcibly();
        }
        String output = Files.readString(log);
        assertFalse(Pattern.compile("(?m)^(WARN|ERROR)|^\\s+at |Exception").matcher(output).find(), output);
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String awaitServing(Process serve, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && serve.isAlive()) {
            Matcher m = SERVING.matcher(Files.readString(log));
            if (m.find()) return m.group(1);
            Thread.sleep(20);
        }
        throw new AssertionError("serve did not start: " + Files.readString(log));
    }
}
