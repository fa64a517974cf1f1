package org.warctrail.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.BadRecord;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;

/**
 * Imports of hostile input, each into a fresh store inside this JVM: WACZ files of many small entries (the time
 * per entry shows whether the import is linear), and two decompression bombs, with the time each takes until it is
 * stopped and the peak resident memory of the process meanwhile (VmHWM, reset before each run).
 */
public final class HostileImportBench {
    private static final long GB = 1L << 30;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out/hostile");
        Files.createDirectories(out);
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) sizes.add(Integer.parseInt(args[i]));
        if (sizes.isEmpty()) sizes = List.of(1000, 5000, 20000);
        for (int n : sizes) {
            Path wacz = out.resolve("entries-" + n + ".wacz");
            if (!Files.exists(wacz)) manyEntries(wacz, n);
            Run run = importInto(out.resolve("store-entries"), wacz);
            System.out.printf("WACZ of %,d entries: %.1f s (%.2f ms per entry), %d captures, peak RSS %d MB%n", n,
                    run.seconds, run.seconds * 1000 / n, run.result.captures(), run.peakMb);
        }
        Path zipBomb = out.resolve("zeros-4gb.wacz");
        if (!Files.exists(zipBomb)) zipBomb(zipBomb, 4 * GB);
        report("WACZ bomb (4 GB of zeros in one entry, " + Files.size(zipBomb) / 1024 + " KB)",
                importInto(out.resolve("store-zip-bomb"), zipBomb), out.resolve("store-zip-bomb"));
        Path gzBomb = out.resolve("zeros-3gb.warc.gz");
        if (!Files.exists(gzBomb)) gzipBomb(gzBomb, 3 * GB);
        report("whole-file gzip bomb (3 GB of zeros after a warcinfo, " + Files.size(gzBomb) / 1024 + " KB)",
                importInto(out.resolve("store-gzip-bomb"), gzBomb), out.resolve("store-gzip-bomb"));
    }

    private record Run(ImportResult result, double seconds, long peakMb, List<BadRecord> bad) {
    }

    private static void report(String what, Run run, Path store) throws IOException {
        long stored;
        try (Stream<Path> s = Files.walk(store)) {
            stored = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf("%s: stopped after %.1f s, peak RSS %d MB, store %d KB; %s%n", what, run.seconds,
                run.peakMb, stored / 1024, run.bad.isEmpty() ? "nothing reported" : run.bad.get(0));
    }

    private static Run importInto(Path store, Path input) throws IOException {
        deleteTree(store);
        resetPeak();
        List<BadRecord> bad = new ArrayList<>();
        long t0 = System.nanoTime();
        ImportResult result;
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            result = archive.importFiles(List.of(input), ImportOptions.COPY, new ImportListener() {
                @Override
                public void badRecord(BadRecord b) {
                    bad.add(b);
                }
            });
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Run(result, seconds, peakMb(), bad);
    }

    /** Resets the process's peak resident size (Linux: 5 to clear_refs), so each run reports its own peak. */
    private static void resetPeak() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException e) {
            // not Linux: the peak is then the process's so far
        }
    }

    private static long peakMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
        return -1;
    }

    private static byte[] record(int i) {
        byte[] http = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"
                .getBytes(StandardCharsets.US_ASCII);
        String head = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
                + String.format("%012d", i) + ">\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
                + "WARC-Target-URI: http://example.com/" + i + "\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + http.length + "\r\n\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(http);
        out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static void manyEntries(Path wacz, int n) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            for (int i = 0; i < n; i++) {
                zip.putNextEntry(new ZipEntry(String.format("archive/part-%06d.warc.gz", i)));
                ByteArrayOutputStream gz = new ByteArrayOutputStream();
                try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
                    g.write(record(i));
                }
                zip.write(gz.toByteArray());
                zip.closeEntry();
            }
        }
    }

    private static void zeros(OutputStream out, long bytes) throws IOException {
        byte[] block = new byte[1 << 20];
        for (long done = 0; done < bytes; done += block.length) out.write(block, 0, (int) Math.min(block.length, bytes - done));
    }

    private static void zipBomb(Path wacz, long bytes) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(wacz))) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("archive/zeros.warc"));
            zeros(zip, bytes);
            zip.closeEntry();
        }
    }

    /** One gzip member holding a warcinfo and a resource of zeros: a whole-file gzip, which is stored decompressed. */
    private static void gzipBomb(Path file, long bytes) throws IOException {
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            String info = "software: bench\r\n";
            gz.write(("WARC/1.0\r\nWARC-Type: warcinfo\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
                    + "000000000001>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/warc-fields\r\n"
                    + "Content-Length: " + info.length() + "\r\n\r\n" + info + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            gz.write(("WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-"
                    + "000000000002>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: http://example.com/zeros\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + bytes + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            zeros(gz, bytes);
            gz.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
