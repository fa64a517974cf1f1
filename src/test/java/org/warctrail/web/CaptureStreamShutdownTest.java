package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.DocumentExtractor;

/**
 * Stopping the server while a browser follows a running capture's events: the streams end before Jetty stops, so
 * nothing is logged (Javalin logged "Response does not exist (likely recycled)" without end when a stream outlived
 * its request), and the job's state goes over the wire by its name.
 */
class CaptureStreamShutdownTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(90)
    void stoppingTheServerEndsTheEventStreamsQuietly() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        // a site that accepts the crawler's connection and never answers: the capture stays running
        try (ServerSocket site = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.NONE);
             CaptureJobs jobs = new CaptureJobs(archive, b -> b.delayMillis(0), true)) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket s = site.accept();
                        synchronized (stalled) {
                            stalled.add(s);
                        }
                    }
                } catch (java.io.IOException closed) {
                    // the test is over
                }
            }, "stalled-site");
            acceptor.setDaemon(true);
            acceptor.start();
            ServeOptions options = new ServeOptions("127.0.0.1", 0, true, null);
            ReplayServer server = new ReplayServer(archive.store(), archive.index(), options);
            new ArchiveUi(archive, jobs, server.pages(), options).install(server).start();
            CaptureJob job;
            try {
                HttpResponse<String> started = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/api/captures"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:" + site.getLocalPort()
                                + "/\",\"depth\":0}")).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, started.statusCode(), started.body());
                JsonNode status = Json.MAPPER.readTree(started.body());
                assertTrue(List.of("queued", "running").contains(status.get("state").asText()), status.toString());
                job = jobs.job(status.get("id").asLong()).orElseThrow();
                awaitTrue(() -> job.status().state() == CaptureJobState.RUNNING, "the capture did not start");
                assertEquals("\"running\"", Json.write(job.status().state()));

                try (Socket browser = new Socket("127.0.0.1", server.port())) {
                    OutputStream out = browser.getOutputStream();
                    out.write(("GET " + job.eventsHref() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    BufferedReader in = new BufferedReader(new InputStreamReader(browser.getInputStream(),
                            StandardCharsets.UTF_8));
                    assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
                    awaitTrue(() -> job.following() == 1, "the browser does not follow the capture");

                    server.close();
                    assertEquals(0, job.following(), "an event stream outlived the server");
                    assertTrue(!job.finished(), "the capture was still running when the server stopped");
                }
            } finally {
                server.close();
                site.close();
                synchronized (stalled) {
                    for (Socket s : stalled) s.close();
                }
            }
            awaitTrue(job::finished, "the capture did not end once its site closed the connection");
        }
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String failure) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(10);
        }
    }
}
