package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.Deriver;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.store.RotatingWarcWriter;

/**
 * The home page of a server whose archive derives in the background: it answers while derivation is pending and
 * says how much is, then shows the counts done and failed, pointing to {@code warctrail status}.
 */
class HomePageDerivedCountsTest {
    private static final int PAGES = 1200;
    private static final Pattern DERIVED = Pattern.compile("<p class=\"derived\" id=\"derived\">(.*?)</p>");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    /** Holds the worker at a gate; fails the broken page as a deriver with a bug would. */
    private static final class Gated implements Deriver {
        final CountDownLatch gate = new CountDownLatch(1);

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public Batch batch(CaptureIndex index) {
            return capture -> {
                if (!gate.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("the gate stayed shut");
                if (capture.row().url().endsWith("/broken")) throw new IllegalStateException("differ bug");
                return Write.NOTHING;
            };
        }
    }

    private String derivedLine(String base) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        Matcher m = DERIVED.matcher(r.body());
        assertTrue(m.find(), "no derived counts on the home page");
        return m.group(1);
    }

    @Test
    @Timeout(120)
    void theHomePageAnswersWhileDerivationIsPendingThenShowsTheCounts() throws Exception {
        Gated gated = new Gated();
        ServeOptions options = new ServeOptions("127.0.0.1", 0, false, null);
        try (Archive archive = Archive.openDerivingInBackground(dir, m -> { }, DocumentExtractor.NONE,
                List.of(gated));
             CaptureJobs jobs = new CaptureJobs(archive, b -> b, false);
             ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
            try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
                for (int i = 0; i < PAGES; i++) {
                    String url = ArchiveFixture.SITE + (i == 3 ? "/broken" : "/story-" + i);
                    byte[] html = ("<html><body><p>story " + i + "</p></body></html>").getBytes(StandardCharsets.UTF_8);
                    sink.write(List.of(ArchiveFixture.response(url, "20240101120000", "HTTP/1.1 200 OK\r\n"
                            + "Content-Type: text/html\r\n\r\n", html, html)));
                }
                sink.awaitIndexed();
            }
            new ArchiveUi(archive, jobs, server.pages(), options).install(server).start();
            String base = "http://127.0.0.1:" + server.port();

            assertEquals("Derived: <strong>0</strong> · <span class=\"pending\">1,200 pending</span> — see "
                    + "<code>warctrail status</code>", derivedLine(base));
            JsonNode stats = Json.MAPPER.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/api/stats"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(PAGES, stats.get("derived").get("pending").asInt(), stats.toString());

            gated.gate.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            while ((line = derivedLine(base)).contains("pending")) {
                assertTrue(System.nanoTime() < deadline, "derivation did not finish: " + line);
                Thread.sleep(50);
            }
            assertEquals("Derived: <strong>1,199</strong> · <span class=\"failed\">1 failed</span> — see "
                    + "<code>warctrail status</code>", line);
            assertFalse(archive.derivations().status().failures().isEmpty());
        }
    }
}
