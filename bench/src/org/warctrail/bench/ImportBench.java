package org.warctrail.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.Deriver;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;

/**
 * Import speed against the floor ({@code gzip -dc}) and jwarc's own CDX indexer, in one run on one generated
 * file: {@code bench/import.sh} (see there). The file (~300 MB of synthetic HTML responses, one gzip member per
 * record) is made once and reused from {@code bench/out/}. Each figure is the best of two runs; jwarc and gzip run
 * as their own processes, warctrail's import inside this JVM.
 */
public final class ImportBench {
    static final long TARGET_BYTES = Long.getLong("bench.bytes", 300L << 20);
    /**
     * Import with extraction (and the derivation after it: text reuse, version flags) is measured on a smaller
     * file of the same kind (about 8,000 pages), against jwarc cdx on that file and against the same import with
     * nothing derived, so that the whole bench stays within minutes. {@code -Dbench.derivation.only=true} runs
     * only that part.
     */
    static final long EXTRACTION_BYTES = Long.getLong("bench.extraction.bytes", 55L << 20);

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        Files.createDirectories(out);
        Path jwarcJar = Path.of(WarcReader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path small = out.resolve("bench-" + (EXTRACTION_BYTES >> 20) + "mb.warc.gz");
        if (!Files.exists(small)) generate(small, EXTRACTION_BYTES);
        double smallMb = Files.size(small) / 1048576.0;
        double smallJwarc = time("jwarc cdx > /dev/null (" + (EXTRACTION_BYTES >> 20) + " MB file)",
                () -> exec(List.of(javaBin(), "-cp", jwarcJar.toString(), "org.netpreserve.jwarc.tools.WarcTool", "cdx",
                        small.toString())));
        double extractOnly = time("warctrail import --in-place, extraction, nothing derived",
                () -> importOnce(out, small, ImportOptions.IN_PLACE, DocumentExtractor.standard(), List.of()));
        double floor = time("floor: records read, pages parsed by jsoup on all cores, text into FTS5",
                () -> System.out.print("(" + ImportFloor.run(small, out) + " documents) "));
        double derived = time("warctrail import --in-place, extraction, reuse and version flags derived",
                () -> importOnce(out, small, ImportOptions.IN_PLACE, DocumentExtractor.standard(), Archives.derivers()));
        // as a user runs it: a fresh JVM through the launcher (its first run after a build writes the class-data
        // archive, so the best of two is a run that uses it), everything derived
        Path launcher = Path.of("bin/warctrail");
        boolean cli = Files.isExecutable(launcher) && Files.exists(Path.of("target/warctrail.jar"));
        double user = !cli ? 0 : time("bin/warctrail import --in-place, a fresh JVM, extraction + reuse + versions",
                () -> {
                    Path store = out.resolve("store-cli");
                    deleteTree(store);
                    exec(List.of(launcher.toString(), "import", "--store", store.toString(), "--in-place", small.toString()));
                    deleteTree(store);
                });
        if (Boolean.getBoolean("bench.derivation.only")) {
            System.out.println();
            System.out.printf("%-62s %8s %10s %12s%n", "pages of the " + (EXTRACTION_BYTES >> 20) + " MB file",
                    "seconds", "MB/s", "vs jwarc cdx");
            row62("jwarc cdx", smallJwarc, smallMb, smallJwarc);
            row62("floor: read + jsoup parse + FTS5 insert (no extraction)", floor, smallMb, smallJwarc);
            row62("warctrail import --in-place, extraction, nothing derived", extractOnly, smallMb, smallJwarc);
            row62("warctrail import --in-place, extraction + reuse + versions", derived, smallMb, smallJwarc);
            if (cli) row62("bin/warctrail import --in-place (fresh JVM, as a user runs it)", user, smallMb, smallJwarc);
            else System.out.println("bin/warctrail import: not measured (build target/warctrail.jar first)");
            return;
        }

        Path warc = out.resolve("bench-" + (TARGET_BYTES >> 20) + "mb.warc.gz");
        if (!Files.exists(warc)) generate(warc);
        double mb = Files.size(warc) / 1048576.0;
        System.out.printf("file: %s, %.1f MB compressed%n", warc, mb);
        double gzip = time("gzip -dc > /dev/null", () -> exec(List.of("gzip", "-dc", warc.toString())));
        double jwarc = time("jwarc cdx > /dev/null", () -> exec(List.of(javaBin(), "-cp", jwarcJar.toString(),
                "org.netpreserve.jwarc.tools.WarcTool", "cdx", warc.toString())));
        double indexOnly = time("warctrail import --in-place (index only)",
                () -> importOnce(out, warc, ImportOptions.IN_PLACE, DocumentExtractor.NONE, List.of()));
        double copied = time("warctrail import, copied (index only)",
                () -> importOnce(out, warc, ImportOptions.COPY, DocumentExtractor.NONE, List.of()));
        double extracting = derived * (mb / smallMb);

        System.out.println();
        System.out.printf("%-44s %8s %10s %12s%n", "", "seconds", "MB/s", "vs jwarc cdx");
        row("gzip -dc (floor)", gzip, mb, jwarc);
        row("jwarc cdx", jwarc, mb, jwarc);
        row("warctrail import --in-place, index only", indexOnly, mb, jwarc);
        row("warctrail import (copy), index only", copied, mb, jwarc);
        row("warctrail import --in-place, with extraction*", extracting, mb, jwarc);
        System.out.printf("* extraction, reuse and version flags, measured on the %.0f MB file (%.1f s there, jwarc cdx "
                + "%.1f s, extraction without derivation %.1f s, its floor %.1f s%s), scaled to this one's size%n", smallMb,
                derived, smallJwarc, extractOnly, floor,
                cli ? String.format(", bin/warctrail import in a fresh JVM %.1f s", user) : "");
        System.out.printf("%nindex-only / jwarc cdx speed: %.2fx (goal >= 0.9x)%n", jwarc / indexOnly);
    }

    static void row62(String label, double seconds, double mb, double jwarc) {
        System.out.printf("%-62s %8.2f %10.1f %11.2fx%n", label, seconds, mb / seconds, jwarc / seconds);
    }

    interface Step {
        void run() throws Exception;
    }

    /** The best of {@code bench.runs} runs (default 2): the machine is shared, and the first run warms the JIT. */
    static double time(String label, Step step) throws Exception {
        double best = Double.MAX_VALUE;
        for (int run = 0; run < Integer.getInteger("bench.runs", 2); run++) {
            System.out.print(label + " ... ");
            System.out.flush();
            long start = System.nanoTime();
            long cpuStart = processCpuNanos();
            step.run();
            double seconds = (System.nanoTime() - start) / 1e9;
            // this JVM's CPU: the in-process steps' own (a child process's, jwarc's or gzip's, is not counted)
            System.out.printf("%.2f s (this JVM's CPU %.2f s)%n", seconds, (processCpuNanos() - cpuStart) / 1e9);
            best = Math.min(best, seconds);
        }
        return best;
    }

    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    static void row(String label, double seconds, double mb, double jwarc) {
        System.out.printf("%-44s %8.2f %10.1f %11.2fx%n", label, seconds, mb / seconds, jwarc / seconds);
    }

    static void importOnce(Path out, Path warc, ImportOptions options, DocumentExtractor extractor,
                           List<Deriver> derivers) throws IOException {
        Path store = out.resolve("store");
        deleteTree(store);
        try (Archive archive = Archive.open(store, m -> System.out.print("[" + m + "] "), extractor, derivers)) {
            ImportResult result = archive.importFiles(List.of(warc), options, ImportListener.NONE);
            System.out.print("(" + result.captures() + " captures, " + result.documents() + " documents) ");
        }
        deleteTree(store);
    }

    static void exec(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (p.waitFor() != 0) throw new IOException(command + " failed with exit code " + p.exitValue());
    }

    static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    /** The generated file and a store that indexes it in place, without extraction. */
    record IndexedFile(Path warc, Path store) {
    }

    /** The generated file of {@link #TARGET_BYTES} and its store, each made once into {@code out}: the benches of a store. */
    static IndexedFile indexedOnce(Path out) throws Exception {
        Path warc = out.resolve("bench-" + (TARGET_BYTES >> 20) + "mb.warc.gz");
        if (!Files.exists(warc)) generate(warc);
        Path store = out.resolve("export-store-" + (TARGET_BYTES >> 20) + "mb");
        if (!Files.exists(store.resolve("index.sqlite"))) {
            System.out.println("indexing " + warc + " in place (once) ...");
            try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
                archive.importFiles(List.of(warc), ImportOptions.IN_PLACE, ImportListener.NONE);
            }
        }
        return new IndexedFile(warc, store);
    }

    /** Synthetic news-like HTML pages of varied words, so that they compress like real ones (about 3:1). */
    static void generate(Path warc) throws Exception {
        generate(warc, TARGET_BYTES);
    }

    static void generate(Path warc, long targetBytes) throws Exception {
        generate(warc, targetBytes, Integer.MAX_VALUE);
    }

    /** Pages until the file reaches {@code targetBytes} or there are {@code maxPages} of them. */
    static void generate(Path warc, long targetBytes, int maxPages) throws Exception {
        System.out.println("generating " + warc + " (once) ...");
        String[] words = new String[4000];
        Random random = new Random(42);
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            int len = 2 + random.nextInt(9);
            for (int k = 0; k < len; k++) w.append((char) ('a' + random.nextInt(26)));
            words[i] = w.toString();
        }
        Path part = warc.resolveSibling(warc.getFileName() + ".part");
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             WarcWriter writer = new WarcWriter(ch, WarcCompression.GZIP)) {
            Instant date = Instant.parse("2024-01-01T00:00:00Z");
            for (int n = 0; writer.position() < targetBytes && n < maxPages; n++) {
                StringBuilder html = new StringBuilder("<!doctype html><html><head><title>");
                for (int k = 0; k < 8; k++) html.append(words[random.nextInt(words.length)]).append(' ');
                html.append("</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>");
                int paragraphs = 10 + random.nextInt(30);
                for (int p = 0; p < paragraphs; p++) {
                    html.append("<p>");
                    int len = 40 + random.nextInt(80);
                    for (int k = 0; k < len; k++) html.append(words[(int) Math.abs(random.nextGaussian() * 600) % words.length]).append(' ');
                    html.append("<a href=\"http://site").append(random.nextInt(50)).append(".example/p/")
                            .append(random.nextInt(100000)).append("\">source</a></p>\n");
                }
                html.append("</article></body></html>\n");
                byte[] body = html.toString().getBytes(StandardCharsets.UTF_8);
                MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
                HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.HTML_UTF8, body)
                        .addHeader("Date", "Mon, 01 Jan 2024 00:00:00 GMT").build();
                writer.write(new WarcResponse.Builder(URI.create("http://site" + (n % 50) + ".example/p/" + n))
                        .date(date.plusSeconds(n)).body(http).payloadDigest(new WarcDigest(digest(sha1, body))).build());
            }
        }
        Files.move(part, warc);
    }

    private static MessageDigest digest(MessageDigest sha1, byte[] body) {
        sha1.update(body);
        return sha1;
    }
}
