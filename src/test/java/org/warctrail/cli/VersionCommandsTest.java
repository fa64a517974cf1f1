package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.cli.IndexCommandsTest.Run;
import org.warctrail.index.Watch;
import org.warctrail.index.WatchesTable;
import org.warctrail.watch.StoredWatches;

/** watch and diff against a local server whose page changes between captures. */
class VersionCommandsTest {
    static final String P1 = "An air strike by the US-led coalition hit Syrian army positions near Deir ez-Zor on "
            + "Saturday, the Syrian military said in a statement released in Damascus late in the evening.";
    static final String P2 = "The military said at least 70 soldiers were killed and about 100 wounded in the attack, "
            + "which lasted close to an hour and involved several aircraft making repeated bombing runs.";
    static final String P3 = "The Russian military said it had tried to contact its US counterparts twice before the "
            + "strikes were halted, according to a spokesman who spoke to reporters at the Pentagon.";

    static String page(String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) body.append("<p>").append(p).append("</p>\n");
        return "<!doctype html><html lang=\"en\"><head><title>Strike near Deir ez-Zor</title></head><body>"
                + "<article><h1>Strike near Deir ez-Zor</h1>\n" + body + "</article></body></html>";
    }

    @Test
    void watchPrintsTheSubstantiveChangeAndRetriesTheFailure(@TempDir Path store) throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/story")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            int n = hits.incrementAndGet();
            String corrected = page(P1, P2.replace("at least 70", "62"), P3);
            String body = n == 1 ? page(P1, P2, P3) : n == 3 ? "busy" : corrected;
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(n == 3 ? 503 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/story";
            Run watch = IndexCommandsTest.run(new WatchCommand(), "--store", store.toString(), "--every", "1s",
                    "--times", "4", "--delay", "0", url);
            assertEquals(0, watch.code(), watch.err());
            List<String> lines = watch.out().lines().toList();
            assertEquals(1, lines.size(), watch.out() + watch.err());
            assertTrue(lines.get(0).matches("\\d{14} " + url + ": 1 number changed"), lines.get(0));
            assertTrue(watch.err().contains(url + ": capture failed (answers 503); retrying in 1s"), watch.err());
            assertEquals(4, hits.get());

            Run latest = IndexCommandsTest.run(new DiffCommand(), "--store", store.toString(), url);
            assertEquals(0, latest.code(), latest.err());
            assertTrue(latest.out().contains("no change (identical payload)"), latest.out());

            Run json = IndexCommandsTest.run(new DiffCommand(), "--store", store.toString(), "--json",
                    "--from", "2000", "--to", "2999", url);
            assertEquals(0, json.code(), json.err());
            JsonNode diff = new ObjectMapper().readTree(json.out());
            assertEquals("1 number changed", diff.get("summary").asText());
            assertEquals("62", diff.get("numbers").get(0).get("to").asText());
            assertEquals("change", diff.get("paragraphs").get(0).get("op").asText());

            Run text = IndexCommandsTest.run(new DiffCommand(), "--store", store.toString(), "--from", "2000",
                    "--to", "2999", url);
            assertTrue(text.out().contains("[-at least 70-] {+62+}"), text.out());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void diffOfAnUnknownUrlIsAOneLineError(@TempDir Path store) throws java.io.IOException {
        java.nio.file.Files.createDirectories(store.resolve("warcs")); // an empty store (a missing one is refused)
        Run run = IndexCommandsTest.run(new DiffCommand(), "--store", store.toString(), "https://nowhere.example/");
        assertEquals(1, run.code());
        assertEquals("warctrail: not archived: https://nowhere.example/", run.err().strip());
    }

    @Test
    void watchAddStoresTheWatches(@TempDir Path store) throws IOException {
        Run run = IndexCommandsTest.run(new WatchCommand(), "--store", store.toString(), "--add", "--every", "6h",
                "--depth", "1", "https://news.example/story");
        assertEquals(0, run.code(), run.err());
        assertEquals("watching https://news.example/story every 6h (run by serve --watch)", run.out().strip());
        try (Archive archive = Archives.open(store, m -> { })) {
            List<Watch> watches = new WatchesTable(archive.index()).list();
            assertEquals(1, watches.size());
            assertEquals(6 * 3600, watches.get(0).everySeconds());
            assertEquals(1, watches.get(0).depth());
        }
    }

    @Test
    void durationsAsPeopleWriteThem() {
        assertEquals(Duration.ofMinutes(90), DurationConverter.parse("1h30m"));
        assertEquals(Duration.ofDays(1), DurationConverter.parse("1d"));
        assertEquals(Duration.ofHours(2), DurationConverter.parse("PT2H"));
        assertEquals(Duration.ofSeconds(30), org.warctrail.versions.WatchSchedule.retryAfter(3, Duration.ofSeconds(30)));
        assertEquals(Duration.ofMinutes(4), org.warctrail.versions.WatchSchedule.retryAfter(3, Duration.ofHours(1)));
        Run bad = IndexCommandsTest.run(new WatchCommand(), "--every", "soon", "https://x.example/");
        assertEquals(2, bad.code());
    }

    @Test
    void storedWatchesRecordFailuresAndReportChanges(@TempDir Path store) throws IOException {
        AtomicInteger hits = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            if (!exchange.getRequestURI().getPath().equals("/story")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            int n = hits.incrementAndGet();
            byte[] bytes = (n == 1 ? page(P1, P2, P3) : n == 2 ? "<html>Bad gateway</html>" : page(P1, P2))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(n == 2 ? 502 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/story";
            assertEquals(0, IndexCommandsTest.run(new WatchCommand(), "--store", store.toString(), "--add",
                    "--every", "1h", url).code());
            try (Archive archive = Archives.open(store, m -> { })) {
                org.warctrail.watch.StoredWatches watches = new org.warctrail.watch.StoredWatches(archive,
                        b -> b.delayMillis(0));
                java.time.Instant now = java.time.Instant.now();
                var first = watches.runDue(now);
                assertEquals(1, first.size());
                assertTrue(watches.runDue(now.plusSeconds(60)).isEmpty(), "not due for an hour");
                var failed = watches.runDue(now.plusSeconds(3601));
                assertTrue(failed.get(0).failed());
                Watch w = new WatchesTable(archive.index()).list().get(0);
                assertEquals(1, w.failures());
                assertEquals("answers 502", w.lastError());
                var changed = watches.runDue(now.plusSeconds(7200));
                assertTrue(watches.reportable(changed.get(0)), changed.toString());
                assertEquals("1 paragraph removed", changed.get(0).flags().summary());
                assertEquals(0, new WatchesTable(archive.index()).list().get(0).failures());
            }
        } finally {
            server.stop(0);
        }
    }
}
