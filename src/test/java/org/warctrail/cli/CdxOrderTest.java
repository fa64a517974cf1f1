package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.index.CdxOrder;

/**
 * The CDX order is total and byte-sorted in the cdx command (both formats) and in a whole-store WACZ, and a
 * reindex gives the same lines byte for byte, when captures share SURT and second: http and https of one URL,
 * and the same records imported from two files (warcio's example.warc and example.warc.gz).
 */
@Timeout(120)
class CdxOrderTest {
    static final Path REAL = Path.of("src/test/resources/real-warcs/warcio");

    /** https written before http, so that row ids (the old tie-break) put them out of byte order. */
    static Path httpAndHttps(Path dir) throws IOException {
        Path file = dir.resolve("schemes.warc.gz");
        Instant second = Instant.parse("2024-05-01T10:00:00Z");
        try (WarcWriter writer = new WarcWriter(Files.newByteChannel(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            for (String url : List.of("https://news.example/a", "http://news.example/a")) {
                byte[] body = ("<html><title>" + url + "</title>same page</html>").getBytes(StandardCharsets.UTF_8);
                HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.HTML, body).build();
                writer.write(new WarcResponse.Builder(URI.create(url)).date(second).body(http).build());
            }
        }
        return file;
    }

    static void assertByteSorted(List<String> lines) {
        for (int i = 1; i < lines.size(); i++) {
            assertTrue(CdxOrder.compareBytes(lines.get(i - 1), lines.get(i)) <= 0,
                    "out of order:\n" + lines.get(i - 1) + "\n" + lines.get(i));
        }
    }

    @Test
    void sharedKeyAndSecondAreOrderedByTheirBytesInCdxAndWaczAndAfterReindex(@TempDir Path dir) throws IOException {
        String store = dir.resolve("store").toString();
        CommandRun imported = CommandRun.of("import", "--store", store, REAL.resolve("example.warc.gz").toString(),
                httpAndHttps(dir).toString(), REAL.resolve("example.warc").toString());
        assertEquals(0, imported.exit(), imported.err());

        CommandRun cdxj = CommandRun.of("cdx", "--store", store, "--match", "domain", "example.com");
        List<String> lines = cdxj.out().lines().toList();
        assertEquals(4, lines.size(), cdxj.out()); // response and revisit of example.com, from two files
        assertByteSorted(lines);
        CommandRun all = CommandRun.of("cdx", "--store", store);
        assertByteSorted(all.out().lines().toList());
        assertTrue(all.out().contains("\"url\": \"http://news.example/a\""), all.out());
        CommandRun cdx11 = CommandRun.of("cdx", "--store", store, "--format", "cdx");
        assertByteSorted(cdx11.out().lines().skip(1).toList());
        List<String> reversed = new ArrayList<>(all.out().lines().toList());
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, CommandRun.of("cdx", "--store", store, "--reverse").out().lines().toList());
        assertEquals(all.out().lines().limit(3).toList(),
                CommandRun.of("cdx", "--store", store, "--limit", "3").out().lines().toList());

        Path wacz = dir.resolve("all.wacz");
        CommandRun export = CommandRun.of("export", "--store", store, "--wacz", wacz.toString());
        assertEquals(0, export.exit(), export.err());
        List<String> packaged = new ArrayList<>();
        try (ZipFile zip = new ZipFile(wacz.toFile());
             InputStream in = new GZIPInputStream(zip.getInputStream(zip.getEntry("indexes/index.cdx.gz")))) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(packaged::add);
        }
        assertEquals(all.out().lines().count(), packaged.size());
        assertByteSorted(packaged);

        CommandRun reindex = CommandRun.of("reindex", "--store", store);
        assertEquals(0, reindex.exit(), reindex.err());
        assertEquals(all.out(), CommandRun.of("cdx", "--store", store).out());
        assertEquals(cdx11.out(), CommandRun.of("cdx", "--store", store, "--format", "cdx").out());
    }

    @Test
    void readCommandsRefuseAMissingStoreAndCreateNothing(@TempDir Path dir) {
        Path typo = dir.resolve("s2typo");
        for (String[] args : List.of(
                new String[]{"search", "--store", typo.toString(), "Stadia"},
                new String[]{"cdx", "--store", typo.toString()},
                new String[]{"trace", "--store", typo.toString(), "a quote"},
                new String[]{"chain", "--store", typo.toString(), "http://example.com/"},
                new String[]{"diff", "--store", typo.toString(), "http://example.com/"},
                new String[]{"export", "--store", typo.toString(), "--wacz", dir.resolve("x.wacz").toString()},
                new String[]{"reindex", "--store", typo.toString()},
                new String[]{"serve", "--store", typo.toString(), "--port", "0"})) {
            CommandRun run = CommandRun.of(args);
            assertEquals(1, run.exit(), args[0] + ": " + run.err());
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("warctrail: no store at " + typo), run.err());
            assertFalse(Files.exists(typo), args[0] + " created " + typo);
            assertFalse(Files.exists(dir.resolve("x.wacz")));
        }
    }
}
