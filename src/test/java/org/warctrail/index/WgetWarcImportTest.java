package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * A WARC written by {@code wget --warc-file} of a small local site imports: every response wget recorded is a
 * capture (the 301 and the 404 with their statuses), the HTML is searchable, the image replays byte for byte,
 * and wget's own metadata and resource records (its log, its arguments) break nothing.
 */
class WgetWarcImportTest {
    private static final String HOME = """
            <!doctype html><html><head><title>Wget home</title><link rel="stylesheet" href="/style.css"></head>
            <body><h1>Lighthouse keepers of the northern coast</h1>
            <p>The lighthouse keepers kept a logbook of every ship that passed the zanzibarian reef, noting the
            weather, the tide and the flags each vessel flew. Their records survive in the county archive.</p>
            <p><a href="/page2.html">Second page</a> <a href="/old">An old link</a> <a href="/missing.html">Gone</a>
            <img src="/lamp.png" alt="lamp"></p></body></html>
            """;
    private static final String PAGE2 = """
            <!doctype html><html><head><title>Second page</title></head>
            <body><p>The second page tells of storms and of the keepers who stayed through them.</p></body></html>
            """;
    private static final String CSS = "body { font-family: serif; background: url(/lamp.png) no-repeat; }\n";

    @Test
    void wgetWarcImportsWithEveryResponseAsACapture(@TempDir Path dir) throws Exception {
        assumeTrue(onPath("wget"), "wget is not on the PATH");
        byte[] png = png();
        Map<String, byte[]> sent = new HashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/" -> send(ex, 200, "text/html; charset=utf-8", HOME.getBytes(StandardCharsets.UTF_8));
                case "/page2.html" -> send(ex, 200, "text/html; charset=utf-8", PAGE2.getBytes(StandardCharsets.UTF_8));
                case "/style.css" -> send(ex, 200, "text/css", CSS.getBytes(StandardCharsets.UTF_8));
                case "/lamp.png" -> send(ex, 200, "image/png", png);
                case "/old" -> {
                    ex.getResponseHeaders().add("Location", "/page2.html");
                    send(ex, 301, "text/html", "<a href=\"/page2.html\">moved</a>".getBytes(StandardCharsets.UTF_8));
                }
                default -> send(ex, 404, "text/html", "<h1>Not found</h1>".getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path warc;
        try {
            warc = wget(dir, base + "/");
        } finally {
            server.stop(0);
        }

        // what wget recorded, counted with jwarc
        Map<String, Integer> types = new HashMap<>();
        List<String> responseUrls = new ArrayList<>();
        try (WarcReader reader = new WarcReader(FileChannel.open(warc))) {
            for (WarcRecord r : reader) {
                types.merge(r.type(), 1, Integer::sum);
                if (r instanceof WarcResponse response) responseUrls.add(response.target());
            }
        }
        assertTrue(types.getOrDefault("metadata", 0) >= 1, "wget writes its log as metadata: " + types);
        assertTrue(types.getOrDefault("resource", 0) >= 1, "wget writes its arguments as a resource: " + types);
        for (String p : List.of("/", "/page2.html", "/style.css", "/lamp.png", "/old", "/missing.html")) {
            assertTrue(responseUrls.contains(base + p), "wget did not fetch " + p + ": " + responseUrls);
        }

        try (Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.standard())) {
            ImportResult result = archive.importFiles(List.of(warc), ImportOptions.COPY, ImportListener.NONE);
            FileIndexReport report = result.files().get(0).report();
            assertEquals(List.of(), report.badRecords());
            assertEquals(types.values().stream().mapToInt(Integer::intValue).sum(), report.records());
            assertEquals(0, report.sharedMembers(), "wget writes one gzip member per record");

            List<CaptureRow> rows = new ArrayList<>();
            archive.index().cdx(new CdxQuery(base + "/", MatchType.HOST, null, null, 0, false), rows::add);
            List<CaptureRow> responses = rows.stream().filter(r -> r.recordType() == RecordType.RESPONSE).toList();
            assertEquals(responseUrls.size(), responses.size(), rows.toString());
            assertTrue(rows.stream().noneMatch(r -> r.url().startsWith("metadata:")), rows.toString());
            for (String p : List.of("/", "/page2.html", "/style.css", "/lamp.png")) {
                assertEquals(200, status(archive, base + p), p);
            }
            assertEquals(301, status(archive, base + "/old"));
            assertEquals(base + "/page2.html", archive.index().captures(base + "/old").get(0).redirect());
            assertEquals(404, status(archive, base + "/missing.html"));

            // cdx lines for the host, each pointing at a readable record of its URL
            for (CaptureRow row : rows) {
                String line = CdxLines.cdxj(row);
                assertTrue(line.startsWith("1,0,0,127:" + server.getAddress().getPort() + ")/"), line);
                try (var stored = archive.store().read(row.file(), row.offset())) {
                    var record = (org.netpreserve.jwarc.WarcTargetRecord) stored.record();
                    assertEquals(row.url(), SurtKey.cleanUrl(record.target()), row.toString());
                }
            }

            SearchResult hits = archive.search().search("zanzibarian", SearchOptions.defaults());
            assertEquals(1, hits.total(), hits.toString());
            assertEquals(base + "/", hits.results().get(0).url());
            assertFalse(archive.search().search("logbook", SearchOptions.defaults()).results().isEmpty());

            CaptureRow image = archive.index().captures(base + "/lamp.png").get(0);
            try (ReplayServer replay = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0))
                    .start()) {
                HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + replay.port() + "/web/" + image.timestamp() + "id_/" + image.url()))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertArrayEquals(png, r.body(), "id_ replay of the image differs from what the server sent");
            }
        }
    }

    /** The status of a URL's captures (wget fetches /page2.html twice: as a link and as the redirect's target). */
    private static int status(Archive archive, String url) {
        List<CaptureRow> captures = archive.index().captures(url);
        assertFalse(captures.isEmpty(), url + " was not captured");
        assertEquals(1, captures.stream().map(CaptureRow::status).distinct().count(), url + ": " + captures);
        return captures.get(0).status();
    }

    private static Path wget(Path dir, String url) throws IOException, InterruptedException {
        Path warcBase = dir.resolve("site");
        Path out = dir.resolve("wget.log");
        Process p = new ProcessBuilder("wget", "--warc-file=" + warcBase, "-r", "-l", "2", "-e", "robots=off",
                "--no-proxy", "--no-verbose", "-P", dir.resolve("mirror").toString(), url)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "wget did not finish");
        // wget exits 8 when a page gave an error status (the 404): the WARC is complete all the same
        assertTrue(p.exitValue() == 0 || p.exitValue() == 8, "wget failed: " + Files.readString(out));
        Path warc = dir.resolve("site.warc.gz");
        assertTrue(Files.isRegularFile(warc), "no WARC written: " + Files.readString(out));
        return warc;
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] png() throws IOException {
        BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 16; x++) for (int y = 0; y < 16; y++) img.setRGB(x, y, (x * 16 + y) * 0x010305);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) return true;
        }
        return false;
    }
}
