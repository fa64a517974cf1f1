package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.store.RotatingWarcWriter;

/**
 * Two captures index through one archive at once (a {@code serve --watch} recapture beside a UI capture): each
 * record's computed digest and extracted text come from its own bytes, never the other capture's.
 */
class ConcurrentIndexingTest {
    private static final int PAGES = 40;

    @TempDir
    Path dir;

    @Test
    @Timeout(120)
    void twoCapturesAtOnceKeepTheirOwnPayloadBytes() throws Exception {
        try (Archive archive = Archives.open(dir, m -> { }, TestWarcs.FAKE_EXTRACTOR)) {
            CyclicBarrier start = new CyclicBarrier(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> runs = new ArrayList<>();
                for (String site : List.of("a.example", "b.example")) {
                    runs.add(pool.submit(() -> {
                        try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
                            start.await(30, TimeUnit.SECONDS);
                            for (int i = 0; i < PAGES; i++) sink.write(TestWarcs.list(page(site, i)));
                        }
                        return null;
                    }));
                }
                for (Future<?> run : runs) run.get(100, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            for (String site : List.of("a.example", "b.example")) {
                for (int i = 0; i < PAGES; i++) {
                    String url = "http://" + site + "/p" + i;
                    CaptureRow row = archive.index().captures(url).get(0);
                    byte[] body = body(site, i).getBytes(StandardCharsets.UTF_8);
                    assertEquals(CaptureRecords.base32(sha1(body)), row.digest(), "digest of " + url);
                    String text = new StoredDocuments(archive.index()).of(row).orElseThrow().text();
                    assertEquals(text(site, i), text, "text of " + url);
                }
            }
        }
    }

    /** A page with no WARC-Payload-Digest (so the indexer digests it) and a body of many buffer-fulls. */
    private static WarcResponse page(String site, int i) throws Exception {
        byte[] bytes = body(site, i).getBytes(StandardCharsets.UTF_8);
        HttpResponse http = new HttpResponse.Builder(200, "OK")
                .body(MediaType.parse("text/html; charset=utf-8"), bytes).build();
        return new WarcResponse.Builder(URI.create("http://" + site + "/p" + i))
                .date(TestWarcs.at("2024010100" + String.format("%04d", i))).body(http).build();
    }

    private static String body(String site, int i) {
        return "<html><title>" + site + "</title><body>" + text(site, i) + "</body></html>";
    }

    private static String text(String site, int i) {
        String word = site.startsWith("a") ? "alpha" : "bravo";
        return (word + i + " ").repeat(40_000).strip();
    }

    private static byte[] sha1(byte[] bytes) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-1").digest(bytes);
    }
}
