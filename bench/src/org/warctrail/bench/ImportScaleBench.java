package org.warctrail.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;

/**
 * Whether import keeps its pace and its memory as a store grows: a {@value #PAGES}-page import (pages as
 * {@link ImportBench} makes them, with extraction, FTS and the derivers the CLI runs) into a fresh store, in a JVM
 * with {@code -Xmx256m} ({@code bench/import-scale.sh}). Prints docs/s per block of {@value #BLOCK} documents (the
 * first and the last compared: flat is within ~20%), peak heap used, peak RSS, index size against WARC size and
 * CPU seconds. A document counts as done when the importer reaches the record after it ({@code progress} gives
 * record offsets); the last block ends when the import returns. The indexer reads one transaction's batch (2,000
 * records) ahead of extracting and committing it, so the first block measures reading alone: the comparison takes
 * the second block as the first of the whole pipeline.
 *
 * <p>Usage: ImportScaleBench OUT_DIR [PAGES]
 */
public final class ImportScaleBench {
    static final int PAGES = 20_000;
    static final int BLOCK = 2_000;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        int pages = args.length > 1 ? Integer.parseInt(args[1]) : PAGES;
        Files.createDirectories(out);
        Path warc = out.resolve("scale-" + pages + ".warc.gz").toAbsolutePath();
        if (!Files.exists(warc)) ImportBench.generate(warc, Long.MAX_VALUE, pages);
        long[] offsets = recordOffsets(warc);
        if (offsets.length < 2 * BLOCK) throw new IOException(warc + ": only " + offsets.length + " records");

        Path store = out.resolve("scale-store");
        ImportBench.deleteTree(store);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        HeapSampler sampler = new HeapSampler();
        sampler.start();

        long[] reachedAt = new long[offsets.length + 1];
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ImportResult result;
        double closeSeconds;
        ImportListener listener = new ImportListener() {
            @Override
            public void progress(long position) {
                // the importer is at the record starting here: all records before it are read and queued
                int k = Arrays.binarySearch(offsets, position);
                if (k >= 0 && reachedAt[k] == 0) reachedAt[k] = System.nanoTime();
            }
        };
        Archive archive = Archives.open(store, m -> System.out.println("[" + m + "]"));
        try {
            result = archive.importFiles(List.of(warc), ImportOptions.IN_PLACE, listener);
            reachedAt[offsets.length] = System.nanoTime();
        } finally {
            long c0 = System.nanoTime();
            archive.close(); // what it still stores or derives counts in the total, not in the last block
            closeSeconds = (System.nanoTime() - c0) / 1e9;
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        sampler.interrupt();
        sampler.join();

        System.out.printf("%nimported %s: %,d records, %,d captures, %,d documents in %.1f s wall (closing %.1f s), "
                        + "%.1f s CPU of this process (load average %s)%n", warc.getFileName(), offsets.length,
                result.captures(), result.documents(), seconds, closeSeconds, cpu, loadAverage());
        System.out.printf("%-22s %10s%n", "documents", "docs/s");
        double first = 0;
        double last = 0;
        for (int from = 0; from < offsets.length; from += BLOCK) {
            int to = Math.min(from + BLOCK, offsets.length);
            long start = from == 0 ? t0 : reachedAt[from];
            long end = reachedAt[to];
            if (start == 0 || end == 0) continue;
            double rate = (to - from) / ((end - start) / 1e9);
            if (from == BLOCK) first = rate;
            last = rate;
            System.out.printf("%,7d - %,7d      %10.0f%n", from, to, rate);
        }
        System.out.printf("documents %,d-%,d (the first block whose documents are extracted and committed within "
                + "it): %.0f docs/s, the last %,d: %.0f docs/s, last/first %.2f (flat: 0.8-1.2); whole import %.1f "
                + "docs/s%n", BLOCK, 2 * BLOCK, first, BLOCK, last, last / first, result.documents() / seconds);

        long poolPeaks = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("heap (-Xmx%d MB): peak used sampled every 50 ms %.0f MB; sum of the heap pools' peaks "
                        + "%.0f MB (an upper bound); after-GC peak: see the GC log line below%n",
                Runtime.getRuntime().maxMemory() >> 20, sampler.peak.get() / 1048576.0, poolPeaks / 1048576.0);
        System.out.printf("process peak RSS (VmHWM): %s%n", vmHwm());
        long warcBytes = Files.size(warc);
        long indexBytes = sizeOf(store, "index.sqlite");
        long storeBytes = sizeOf(store, "");
        System.out.printf("WARC %.1f MB; index.sqlite (with -wal, -shm) %.1f MB = %.2fx the WARC; whole store "
                + "directory %.1f MB (the WARC indexed in place, not copied)%n", warcBytes / 1048576.0,
                indexBytes / 1048576.0, (double) indexBytes / warcBytes, storeBytes / 1048576.0);
        System.out.printf("CPU: %.1f s for the import (%.2f ms per document), %.1f s for the whole process%n", cpu,
                cpu * 1000 / Math.max(1, result.documents()), os.getProcessCpuTime() / 1e9);
    }

    /** Offsets of every record, ascending: what {@code ImportListener.progress} reports as it reaches each. */
    private static long[] recordOffsets(Path warc) throws IOException {
        long[] offsets = new long[1024];
        int n = 0;
        try (FileChannel channel = FileChannel.open(warc); WarcReader reader = new WarcReader(channel)) {
            for (WarcRecord record; (record = reader.next().orElse(null)) != null; ) {
                if (n == offsets.length) offsets = Arrays.copyOf(offsets, n * 2);
                offsets[n++] = reader.position();
            }
        }
        return Arrays.copyOf(offsets, n);
    }

    private static long sizeOf(Path dir, String prefix) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith(prefix))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static String vmHwm() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                .map(l -> l.substring(6).trim()).findFirst().orElse("unknown (no /proc/self/status)");
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " " + parts[1] + " " + parts[2];
    }

    /** The largest heap use seen, sampled every 50 ms: the sum of pool peaks overstates it (peaks at other times). */
    private static final class HeapSampler extends Thread {
        final AtomicLong peak = new AtomicLong();

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        @Override
        public void run() {
            var memory = ManagementFactory.getMemoryMXBean();
            while (!isInterrupted()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
