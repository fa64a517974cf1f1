package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * A Zstandard WARC (one zstd frame per record, as the WARC zstd spec and jwarc have it) imports with the same
 * captures as the plain file it was made from; each capture's offset is its frame, read back by the store and
 * replayed byte for byte.
 */
class ZstdWarcImportTest {
    static final Path EXAMPLE = RealWarcsImportTest.REAL.resolve("warcio/example.warc");

    /** Each record of a plain WARC compressed as its own zstd frame, as jwarc's and warcio's writers do. */
    static void zstdPerRecord(Path plain, Path target) throws IOException {
        List<Long> starts = new ArrayList<>();
        try (WarcReader reader = new WarcReader(FileChannel.open(plain))) {
            for (WarcRecord r : reader) starts.add(reader.position());
        }
        byte[] bytes = Files.readAllBytes(plain);
        starts.add((long) bytes.length);
        try (OutputStream out = Files.newOutputStream(target)) {
            for (int i = 0; i + 1 < starts.size(); i++) {
                ByteArrayOutputStream frame = new ByteArrayOutputStream();
                try (ZstdOutputStream zstd = new ZstdOutputStream(frame, 3)) {
                    zstd.write(bytes, starts.get(i).intValue(), (int) (starts.get(i + 1) - starts.get(i)));
                }
                frame.writeTo(out);
            }
        }
    }

    private static List<CaptureRow> rows(Archive archive) {
        List<CaptureRow> rows = new ArrayList<>();
        archive.index().cdx(CdxQuery.all(), rows::add);
        return rows;
    }

    @Test
    void zstdWarcImportsWithThePlainFilesCapturesAndReplays(@TempDir Path dir) throws Exception {
        Path zst = dir.resolve("example.warc.zst");
        zstdPerRecord(EXAMPLE, zst);
        try (Archive plain = Archives.open(dir.resolve("plain"), m -> { }, TestWarcs.FAKE_EXTRACTOR);
             Archive zstd = Archives.open(dir.resolve("zstd"), m -> { }, TestWarcs.FAKE_EXTRACTOR)) {
            plain.importFiles(List.of(EXAMPLE), ImportOptions.COPY, ImportListener.NONE);
            ImportResult result = zstd.importFiles(List.of(zst), ImportOptions.COPY, ImportListener.NONE);
            FileIndexReport report = result.files().get(0).report();
            assertEquals(List.of(), report.badRecords());
            assertEquals(6, report.records());
            assertEquals(2, report.captures());
            String storedAs = result.files().get(0).storedAs();
            assertEquals("imported/example.warc.zst", storedAs, "stored as it came");

            List<CaptureRow> expected = rows(plain);
            List<CaptureRow> actual = rows(zstd);
            assertEquals(expected.size(), actual.size());
            byte[] file = Files.readAllBytes(zstd.store().resolve(storedAs));
            for (int i = 0; i < expected.size(); i++) {
                CaptureRow e = expected.get(i);
                CaptureRow a = actual.get(i);
                assertEquals(List.of(e.surt(), e.timestamp(), e.url(), e.status(), e.mime(), e.digest(), e.recordType(),
                        e.recordId()), List.of(a.surt(), a.timestamp(), a.url(), a.status(), a.mime(), a.digest(),
                        a.recordType(), a.recordId()));
                assertEquals(storedAs, a.file());
                // the offset is the start of a zstd frame, the length runs to the next record's frame
                assertEquals(0x28, file[(int) a.offset()] & 0xff, a.toString());
                assertEquals(0xfd, file[(int) a.offset() + 3] & 0xff, a.toString());
                assertTrue(a.offset() + a.length() <= file.length);
                String cdxj = CdxLines.cdxj(a);
                assertTrue(cdxj.contains("\"offset\": \"" + a.offset() + "\""), cdxj);
                assertTrue(cdxj.contains("\"filename\": \"" + storedAs + "\""), cdxj);
                assertArrayEquals(payload(plain, e), payload(zstd, a), a.toString());
            }

            CaptureRow response = actual.stream().filter(r -> r.recordType() == RecordType.RESPONSE).findFirst()
                    .orElseThrow();
            try (ReplayServer server = new ReplayServer(zstd.store(), zstd.index(), ServeOptions.loopback(0)).start()) {
                HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + server.port() + "/web/" + response.timestamp() + "id_/" + response.url()))
                        .build(), HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, r.statusCode());
                assertArrayEquals(payload(plain, expected.get(actual.indexOf(response))), r.body());
            }
        }
    }

    /** The HTTP payload of a capture as the store reads it back at its offset. */
    static byte[] payload(Archive archive, CaptureRow row) throws IOException {
        try (var stored = archive.store().read(row.file(), row.offset())) {
            WarcRecord record = stored.record();
            if (record instanceof WarcResponse response) {
                return response.http().body().stream().readAllBytes();
            }
            return record.body().stream().readAllBytes();
        }
    }
}
