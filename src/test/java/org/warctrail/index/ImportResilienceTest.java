package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;
import org.warctrail.ingest.ImportedFile;

/**
 * A directory import goes through every file whatever one of them holds: each bad file or record is reported
 * with its file, an offset inside the file and a reason, and the good records around it are kept.
 */
@Timeout(120)
class ImportResilienceTest {
    static final Path REAL = RealWarcsImportTest.REAL;

    /** A response record as other tools write it, with the Content-Length given (or the true one). */
    static byte[] record(int i, Integer contentLength) {
        byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello")
                .getBytes(StandardCharsets.US_ASCII);
        String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
                + String.format("%012d", i) + ">\r\nWARC-Date: 2024-01-01T00:00:0" + i + "Z\r\n"
                + "WARC-Target-URI: http://example.com/" + i + "\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: "
                + (contentLength == null ? http.length : contentLength) + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(http);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    record Outcome(ImportResult result, List<BadRecord> heard, List<String> notices) {
        ImportedFile file(String name) {
            return result.files().stream().filter(f -> f.source().endsWith(name)).findFirst().orElseThrow();
        }
    }

    static Outcome importAll(Path store, List<Path> inputs, ImportOptions options) throws IOException {
        List<BadRecord> heard = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            ImportResult result = archive.importFiles(inputs, options, new ImportListener() {
                @Override
                public void badRecord(BadRecord bad) {
                    heard.add(bad);
                }

                @Override
                public void notice(String message) {
                    notices.add(message);
                }
            });
            return new Outcome(result, heard, notices);
        }
    }

    /** The README's table: file name to "records / bad records" as the import finds them. */
    static Map<String, long[]> readmeTable() throws IOException {
        Map<String, long[]> rows = new LinkedHashMap<>();
        Pattern row = Pattern.compile("\\| `(?:\\w+/)?([^`]+)`(?:, `([^`]+)`)? \\|.*\\| (\\d+) / (\\d+) \\|");
        for (String line : Files.readAllLines(REAL.resolve("README.md"))) {
            Matcher m = row.matcher(line);
            if (!m.matches()) continue;
            long[] counts = {Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
            rows.put(m.group(1), counts);
            if (m.group(2) != null) rows.put(m.group(2), counts);
        }
        return rows;
    }

    @Test
    void theWholeRealWarcsDirectoryImportsAsItsReadmeTableSays(@TempDir Path store) throws IOException {
        Map<String, long[]> table = readmeTable();
        assertEquals(18, table.size(), table.keySet().toString());
        Outcome outcome = importAll(store, List.of(REAL), ImportOptions.COPY);
        assertEquals(table.size(), outcome.result().files().size());
        for (Map.Entry<String, long[]> e : table.entrySet()) {
            FileIndexReport r = outcome.file("/" + e.getKey()).report();
            assertEquals(e.getValue()[0], r.records(), e.getKey() + " records");
            assertEquals(e.getValue()[1], r.badRecords().size(), e.getKey() + " bad records " + r.badRecords());
            long size = Files.size(store.resolve("warcs").resolve(r.file()));
            for (BadRecord b : r.badRecords()) {
                assertTrue(b.offset() >= 0 && b.offset() < size, b + " lies outside the file");
                assertFalse(b.reason().contains("\\xffffff"), b.reason());
            }
        }
        // the README and the LICENSE files are passed over, and said so
        assertEquals(3, outcome.notices().stream().filter(n -> n.contains("not a WARC, ARC or WACZ file")).count(),
                outcome.notices().toString());
        // the record with spaces in its ARC URL is kept, under the URL warcio gives it
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            List<CaptureRow> rows = archive.index().captures("http://example.com/index.cfm?FuseAction=Email"
                    + "&EmailTitle=Examples%20From%20The%20Live%20Web&IsPopUp=False");
            assertEquals(1, rows.size());
            try (var stored = archive.store().read(rows.get(0).file(), rows.get(0).offset())) {
                assertTrue(stored.record().body().stream().readAllBytes().length > 1000);
            }
        }
    }

    @Test
    void oddlyNamedAndStatusTextlessWarcsImportWithoutBadRecords(@TempDir Path dir) throws IOException {
        Path odd = Files.createDirectories(dir.resolve("odd"));
        // pywb's missing-status-text.warc: "HTTP/1.0 302 " with no reason phrase, then a trailing CRLF
        String http = "HTTP/1.0 302 \r\nLocation: http://www.iana.org/badst\r\nServer: BigIP\r\n"
                + "Connection: close\r\nContent-Length: 0\r\n\r\n";
        String warc = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:125f3091-65f6-4d0e-96dd-"
                + "dbff7c551275>\r\nWARC-Date: 2014-01-27T17:12:38Z\r\nContent-Length: " + http.length() + "\r\n"
                + "Content-Type: application/http; msgtype=response\r\nWARC-Target-URI: http://iana.org/bads\r\n\r\n"
                + http + "\r\n\r\n\r\n";
        Files.writeString(odd.resolve("missing-status-text.warc"), warc, StandardCharsets.US_ASCII);
        Files.copy(REAL.resolve("warcio/example.warc"), odd.resolve("plain-named.warc.gz"));
        Files.copy(REAL.resolve("warcio/example-resource.warc.gz"), odd.resolve("gzip-named.warc"));
        Files.copy(REAL.resolve("warcio/example.arc"), odd.resolve("an-arc.dat"));
        Outcome outcome = importAll(dir.resolve("store"), List.of(odd), ImportOptions.COPY);
        assertEquals(List.of(), outcome.heard());
        assertEquals(4, outcome.result().files().size());
        assertEquals(1, outcome.file("missing-status-text.warc").report().captures());
        assertEquals(2, outcome.file("plain-named.warc.gz").report().captures());
        assertEquals(1, outcome.file("gzip-named.warc").report().captures());
        assertEquals(1, outcome.file("an-arc.dat").report().captures());
    }

    @Test
    void recordsAfterAnOversizedContentLengthAreFoundAndTheLossReported(@TempDir Path dir) throws IOException {
        for (int overrun : List.of(300, 5000)) {
            ByteArrayOutputStream plain = new ByteArrayOutputStream();
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            List<Long> plainOffsets = new ArrayList<>();
            List<Long> gzOffsets = new ArrayList<>();
            for (int i = 1; i <= 6; i++) {
                byte[] r = record(i, i == 2 ? overrun : null);
                plainOffsets.add((long) plain.size());
                gzOffsets.add((long) gz.size());
                plain.writeBytes(r);
                gz.writeBytes(gzip(r));
            }
            Path p = Files.write(dir.resolve("over" + overrun + ".warc"), plain.toByteArray());
            Path g = Files.write(dir.resolve("over" + overrun + ".warc.gz"), gz.toByteArray());
            Outcome outcome = importAll(dir.resolve("store" + overrun), List.of(p, g), ImportOptions.COPY);
            for (ImportedFile f : outcome.result().files()) {
                List<Long> offsets = f.source().endsWith(".gz") ? gzOffsets : plainOffsets;
                assertEquals(5, f.report().captures(), f.source() + " " + f.report());
                assertEquals(1, f.report().badRecords().size(), f.source());
                BadRecord bad = f.report().badRecords().get(0);
                assertEquals(offsets.get(1), bad.offset(), bad.toString());
                assertTrue(bad.reason().contains("Content-Length"), bad.toString());
            }
        }
    }

    @Test
    void aWholeFileGzipWithABadCrcKeepsEveryRecordAndNoPartFile(@TempDir Path dir) throws IOException {
        byte[] whole = gzip(Files.readAllBytes(REAL.resolve("warcio/example.warc")));
        whole[whole.length - 6] ^= 0x5a; // the CRC32 of the trailer
        Path broken = Files.write(dir.resolve("crc.warc.gz"), whole);
        Outcome outcome = importAll(dir.resolve("store"), List.of(broken), ImportOptions.COPY);
        FileIndexReport r = outcome.file("crc.warc.gz").report();
        assertEquals(6, r.records());
        assertEquals(2, r.captures());
        assertEquals(List.of(), r.badRecords());
        assertTrue(outcome.notices().stream().anyMatch(n -> n.contains("crc.warc.gz") && n.contains("gzip")),
                outcome.notices().toString());
        assertEquals(List.of(), partFiles(dir.resolve("store")));
    }

    @Test
    void aWholeFileGzipLongerThanTheReadersBufferIsStoredDecompressedWithEveryRecordReplayable(@TempDir Path dir)
            throws IOException {
        // records of incompressible text: the one gzip member is far longer than jwarc's read buffer, so that
        // jwarc's position for a record is how far it has read, not where the record starts
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(3);
        for (int i = 1; i <= 9; i++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 40_000) text.append(Long.toString(random.nextLong(), 36)).append(' ');
            String http = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + text.length()
                    + "\r\n\r\n" + text;
            records.writeBytes(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-"
                    + "0000-00000000000" + i + ">\r\nWARC-Date: 2024-01-01T00:00:0" + i + "Z\r\nWARC-Target-URI: "
                    + "http://example.com/" + i + "\r\nContent-Type: application/http; msgtype=response\r\n"
                    + "Content-Length: " + http.length() + "\r\n\r\n" + http + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        Path whole = Files.write(dir.resolve("whole.warc.gz"), gzip(records.toByteArray()));
        assertTrue(Files.size(whole) > 200_000);
        Path store = dir.resolve("store");
        Outcome outcome = importAll(store, List.of(whole), ImportOptions.COPY);
        FileIndexReport r = outcome.file("whole.warc.gz").report();
        assertEquals("imported/whole.warc", r.file());
        assertEquals(9, r.captures());
        assertEquals(List.of(), r.badRecords());
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            List<CaptureRow> rows = new ArrayList<>();
            archive.index().cdx(CdxQuery.all(), rows::add);
            for (CaptureRow row : rows) {
                try (var stored = archive.store().read(row.file(), row.offset())) {
                    assertEquals(row.url(), ((org.netpreserve.jwarc.WarcResponse) stored.record()).target());
                }
            }
        }
    }

    static List<Path> partFiles(Path store) throws IOException {
        try (Stream<Path> s = Files.walk(store)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).toList();
        }
    }

    /** A WACZ whose archive/ entries are given; {@code deflated} entries are compressed in the zip. */
    static Path wacz(Path file, Map<String, byte[]> entries, boolean deflated) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey().replaceFirst("#\\d+$", ""));
                if (!deflated) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }

    /** java.util.zip refuses to write two entries of one name: the second name is patched in the bytes. */
    static Path withDuplicateName(Path file, String name, String twin) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] from = twin.getBytes(StandardCharsets.US_ASCII);
        byte[] to = name.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + from.length, from, 0, from.length)) {
                System.arraycopy(to, 0, bytes, i, to.length);
            }
        }
        return Files.write(file, bytes);
    }

    @Test
    void aLongEntryNameAndADuplicateNameInAWaczDoNotStopTheRest(@TempDir Path dir) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/" + "n".repeat(300) + ".warc.gz", Files.readAllBytes(REAL.resolve("warcio/example.warc.gz")));
        entries.put("archive/one.warc.gz", Files.readAllBytes(REAL.resolve("warcio/post-test.warc.gz")));
        entries.put("archive/ONE.warc.gz", Files.readAllBytes(REAL.resolve("jwarc/cc.warc.gz")));
        entries.put("archive/two.warc.gz", Files.readAllBytes(REAL.resolve("warcio/example-resource.warc.gz")));
        Path file = withDuplicateName(wacz(dir.resolve("odd.wacz"), entries, false), "archive/one", "archive/ONE");
        Outcome outcome = importAll(dir.resolve("store"), List.of(file), ImportOptions.COPY);
        // the long name and two.warc.gz, and one of the twins (cc.warc.gz, one capture)
        assertEquals(2 + 1 + 1, outcome.result().captures(), outcome.result().toString());
        List<BadRecord> duplicates = outcome.heard().stream().filter(b -> b.reason().contains("second entry")).toList();
        assertEquals(1, duplicates.size(), outcome.heard().toString());
        assertTrue(duplicates.get(0).file().endsWith("odd.wacz!/archive/one.warc.gz"), duplicates.toString());
    }

    @Test
    void zipAndGzipBombsStopAtTheLimitNameTheFileAndLeaveNothing(@TempDir Path dir) throws IOException {
        // 64 MiB of zeros: a few dozen KB on disk
        byte[] zeros = new byte[64 << 20];
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("archive/zeros.warc", zeros);
        entries.put("archive/fine.warc.gz", Files.readAllBytes(REAL.resolve("warcio/example.warc.gz")));
        Path wacz = wacz(dir.resolve("bomb.wacz"), entries, true);
        assertTrue(Files.size(wacz) < 1 << 20);

        ByteArrayOutputStream records = new ByteArrayOutputStream();
        records.writeBytes(Files.readAllBytes(REAL.resolve("warcio/example.warc")));
        String head = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
                + "000000000099>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: http://example.com/zeros\r\n"
                + "Content-Type: application/octet-stream\r\nContent-Length: " + zeros.length + "\r\n\r\n";
        records.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        records.writeBytes(zeros);
        records.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        Path gz = Files.write(dir.resolve("bomb.warc.gz"), gzip(records.toByteArray()));
        assertTrue(Files.size(gz) < 1 << 20);

        Path store = dir.resolve("store");
        Outcome outcome = importAll(store, List.of(wacz, gz), ImportOptions.COPY);
        List<BadRecord> bombs = outcome.heard().stream().filter(b -> b.reason().contains("expands more than 100"))
                .toList();
        assertEquals(2, bombs.size(), outcome.heard().toString());
        assertTrue(bombs.get(0).file().endsWith("bomb.wacz!/archive/zeros.warc"), bombs.toString());
        assertTrue(bombs.get(1).file().endsWith("bomb.warc.gz"), bombs.toString());
        assertEquals(2, outcome.result().captures()); // the good entry of the WACZ
        assertEquals(List.of(), partFiles(store));
        try (Stream<Path> s = Files.walk(store.resolve("warcs"))) {
            long stored = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            assertTrue(stored < 1 << 20, "stored " + stored + " bytes");
        }
    }

    @Test
    void aFifoIsRefusedAtOnce(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("pipe.warc");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mk.waitFor());
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.NONE)) {
            for (Path input : List.of(fifo, Path.of("/dev/zero"))) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                        () -> archive.importFiles(List.of(input), ImportOptions.COPY, ImportListener.NONE));
                assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
            }
        }
    }

    @Test
    void aRecordWithoutTargetOrDateIsASentenceNamingFileAndOffset(@TempDir Path dir) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(record(1, null));
        long second = out.size();
        out.writeBytes(new String(record(2, null), StandardCharsets.US_ASCII)
                .replace("WARC-Target-URI: http://example.com/2\r\n", "").getBytes(StandardCharsets.US_ASCII));
        long third = out.size();
        out.writeBytes(new String(record(3, null), StandardCharsets.US_ASCII)
                .replace("WARC-Date: 2024-01-01T00:00:03Z\r\n", "").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(record(4, null));
        Path file = Files.write(dir.resolve("fields.warc"), out.toByteArray());
        Outcome outcome = importAll(dir.resolve("store"), List.of(file), ImportOptions.COPY);
        assertEquals(2, outcome.result().captures());
        List<String> bad = outcome.heard().stream().map(BadRecord::toString).toList();
        assertEquals(List.of("imported/fields.warc: bad record at offset " + second
                        + ": the response record has no WARC-Target-URI",
                "imported/fields.warc: bad record at offset " + third + ": the response record has no WARC-Date"),
                bad);
    }
}
