package org.warctrail.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.HttpResponse.Builder;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.web.ArchiveUi;
import org.warctrail.web.CaptureJobs;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * The server under hostile requests, on a generated store of N captures: the time of a catastrophic-regex CDX
 * filter ({@code ((.*)*)*X}), and the latency of {@code /search} and a one-row {@code /cdx} while four clients
 * ask for the whole CDX and do not read it.
 *
 * <p>Usage: bench/server.sh [CAPTURES]
 */
public final class ServerBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("warctrail-server-bench");
        long t0 = System.nanoTime();
        try (Archive archive = Archives.open(dir, m -> { }, DocumentExtractor.NONE)) {
            try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
                List<WarcRecord> batch = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    byte[] body = ("<html><body>page " + i + "</body></html>").getBytes(StandardCharsets.UTF_8);
                    batch.add(new WarcResponse.Builder(URI.create("http://site" + (i % 50) + ".example/page/" + i))
                            .date(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(i))
                            .body(new Builder(200, "OK").body(MediaType.parse("text/html"), body).build()).build());
                    if (batch.size() == 1000) {
                        sink.write(batch);
                        batch = new ArrayList<>();
                    }
                }
                if (!batch.isEmpty()) sink.write(batch);
            }
            System.out.printf("store: %,d captures written and indexed in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
            ServeOptions options = ServeOptions.loopback(0);
            try (CaptureJobs jobs = new CaptureJobs(archive, (CrawlConfig.Builder b) -> b, false);
                 ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
                new ArchiveUi(archive, jobs, server.pages(), options, false).install(server).start();
                String base = "http://127.0.0.1:" + server.port();
                HttpClient client = HttpClient.newHttpClient();

                long r0 = System.nanoTime();
                HttpResponse<String> redos = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/cdx?url=example&matchType=domain&filter=~url:((.*)*)*X")).build(), HttpResponse.BodyHandlers.ofString());
                System.out.printf("ReDoS filter ~url:((.*)*)*X over %,d rows: HTTP %d in %.0f ms%n", n,
                        redos.statusCode(), (System.nanoTime() - r0) / 1e6);

                long w0 = System.nanoTime();
                HttpResponse<Void> whole = client.send(HttpRequest.newBuilder(URI.create(base
                        + "/cdx?url=example&matchType=domain")).build(), HttpResponse.BodyHandlers.discarding());
                System.out.printf("the whole CDX, no filter, %,d rows: HTTP %d in %.0f ms%n", n, whole.statusCode(),
                        (System.nanoTime() - w0) / 1e6);

                String search = base + "/search?q=page";
                String cdxOne = base + "/cdx?url=http://site1.example/page/1";
                System.out.printf("alone:                   /search %s, one-row /cdx %s%n", latency(client, search), latency(client, cdxOne));
                List<Socket> stalled = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    s.setReceiveBufferSize(4096);
                    OutputStream out = s.getOutputStream();
                    out.write(("GET /cdx?url=example&matchType=domain HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = s.getInputStream();
                    in.read(); // the response has started; from here on the client reads nothing
                    stalled.add(s);
                }
                System.out.printf("4 stalled /cdx readers:  /search %s, one-row /cdx %s%n", latency(client, search), latency(client, cdxOne));
                for (Socket s : stalled) s.close();
            }
        } finally {
            try (var s = Files.walk(dir)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Median and worst of 5 requests, each with a 60 s timeout. */
    private static String latency(HttpClient client, String url) throws Exception {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            HttpResponse<Void> r = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(java.time.Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) return "HTTP " + r.statusCode();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        ms.sort(null);
        return String.format("median %.0f ms, worst %.0f ms", ms.get(2), ms.get(4));
    }
}
