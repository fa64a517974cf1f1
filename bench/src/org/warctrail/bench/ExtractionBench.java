package org.warctrail.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.warctrail.extract.Extractor;
import org.warctrail.extract.MainTextStep;

/**
 * Extraction benchmark: precision, recall and F1 of the main text that {@link Extractor} makes of each page's
 * bytes, on an
 * article-extraction-benchmark directory ({@code html/<key>.html.gz} and {@code ground-truth.json}),
 * with that benchmark's metric ({@link ShingleScore}), and single-thread throughput after warm-up passes
 * (the fastest of three timed passes) of the whole Extractor and of its main-text step alone ({@link MainTextStep}).
 *
 * <pre>
 * mvn -o -q test-compile
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.warctrail.bench.ExtractionBench \
 *      [--verbose] [--dump DIR] [--only KEY_PREFIX] [BENCHMARK_DIR]
 * </pre>
 * ({@code bench/extraction.sh} runs this, then compares {@code extract --json} with Readability.js.) BENCHMARK_DIR defaults to /work/shared/extraction-benchmark.
 * {@code --dump DIR} writes each page's extracted text to DIR/&lt;key&gt;.txt for inspection.
 */
public final class ExtractionBench {


    private static final int TIMED_PASSES = 3;
    private static final int WARM_UP_PASSES = 3;

    private record Page(String key, String url, String truth, byte[] html) {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of("/work/shared/extraction-benchmark");
        boolean verbose = false;
        Path dump = null;
        String only = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--verbose", "-v" -> verbose = true;
                case "--dump" -> dump = Path.of(args[++i]);
                case "--only" -> only = args[++i];
                default -> dir = Path.of(args[i]);
            }
        }
        List<Page> pages = load(dir, only);
        // The product's whole path from payload bytes: charset, parse, main text, metadata, links, quotes.
        Extractor extractor = new Extractor();
        if (dump != null) Files.createDirectories(dump);

        ScoreTotals totals = new ScoreTotals();
        for (Page page : pages) {
            String text = textOf(extractor.extract(page.url(), "text/html", page.html()));
            ShingleScore score = ShingleScore.of(page.truth(), text);
            totals.add(score);
            if (verbose) {
                System.out.printf(Locale.ROOT, "%s  P %.3f  R %.3f  F1 %.3f  %s%n", page.key().substring(0, 12),
                        score.precision(), score.recall(), score.f1(), page.url());
            }
            if (dump != null) Files.writeString(dump.resolve(page.key() + ".txt"), text);
        }

        // The pass above began the warm-up: a few more, so that the timed passes run compiled code. Then time a few
        // passes of each, alternating, and keep the fastest: the machine is shared, and the best pass is the least
        // disturbed.
        MainTextStep mainText = new MainTextStep();
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (Page page : pages) extractor.extract(page.url(), "text/html", page.html());
            for (Page page : pages) mainText.text(page.url(), page.html());
        }
        Pass whole = new Pass(), main = new Pass();
        long sink = 0;
        for (int pass = 0; pass < TIMED_PASSES; pass++) {
            whole.start();
            for (Page page : pages) sink += textOf(extractor.extract(page.url(), "text/html", page.html())).length();
            whole.stop();
            main.start();
            for (Page page : pages) sink += mainText.text(page.url(), page.html()).length();
            main.stop();
        }
        long bytes = pages.stream().mapToLong(p -> p.html().length).sum();
        System.out.printf(Locale.ROOT, "pages %d%nprecision %.4f%nrecall %.4f%nF1 %.4f%n",
                totals.pages(), totals.precision(), totals.recall(), totals.f1());
        System.out.printf(Locale.ROOT, "throughput (1 thread, from bytes, warm, fastest of %d passes):%n", TIMED_PASSES);
        System.out.printf(Locale.ROOT, "  whole Extractor (text, metadata, links, quotes, language): %6.1f pages/s, %5.1f MB/s, %6.1f pages/CPU-s%n",
                pages.size() / whole.bestWall, bytes / whole.bestWall / 1e6, pages.size() / whole.bestCpu);
        System.out.printf(Locale.ROOT, "  main-text step alone (decode, parse, main text):            %6.1f pages/s, %5.1f MB/s, %6.1f pages/CPU-s%s%n",
                pages.size() / main.bestWall, bytes / main.bestWall / 1e6, pages.size() / main.bestCpu, sink < 0 ? "!" : "");
    }

    /** The fastest of several timed passes, in wall seconds and in CPU seconds of the process (JIT and GC included). */
    private static final class Pass {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double bestWall = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        private long wall, cpu;

        void start() {
            wall = System.nanoTime();
            cpu = OS.getProcessCpuTime();
        }

        void stop() {
            bestWall = Math.min(bestWall, (System.nanoTime() - wall) / 1e9);
            bestCpu = Math.min(bestCpu, (OS.getProcessCpuTime() - cpu) / 1e9);
        }
    }

    private static String textOf(org.warctrail.extract.Document doc) {
        return doc == null || doc.text() == null ? "" : doc.text();
    }

    private static List<Page> load(Path dir, String only) throws IOException {
        Path truthFile = dir.resolve("ground-truth.json");
        if (!Files.isRegularFile(truthFile)) throw new IOException("no ground-truth.json in " + dir);
        JsonNode truth = new ObjectMapper().readTree(truthFile.toFile());
        List<Page> pages = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = truth.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (only != null && !e.getKey().startsWith(only)) continue;
            Path html = dir.resolve("html").resolve(e.getKey() + ".html.gz");
            byte[] bytes;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(html))) {
                bytes = in.readAllBytes();
            } catch (IOException ex) {
                throw new IOException("cannot read " + html + ": " + ex.getMessage(), ex);
            }
            pages.add(new Page(e.getKey(), e.getValue().path("url").asText(null),
                    e.getValue().path("articleBody").asText(""), bytes));
        }
        pages.sort((a, b) -> a.key().compareTo(b.key()));
        return pages;
    }
}
