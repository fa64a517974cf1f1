package org.warctrail.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.export.WaczExporter;
import org.warctrail.export.WaczSummary;
import org.warctrail.index.DocumentExtractor;

/**
 * WACZ export speed and memory on the import benchmark's generated file ({@code bench/export.sh}): the whole store
 * (the file copied whole, the CDXJ streamed from the index) and one page (the file scanned record by record to cut
 * out what the page needs), side by side with {@code gzip -dc} on the same file. Runs with a small heap
 * ({@code -Xmx64m} in the script) to show that memory does not grow with the store.
 */
public final class ExportBench {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        Files.createDirectories(out);
        ImportBench.IndexedFile indexed = ImportBench.indexedOnce(out);
        Path warc = indexed.warc();
        Path store = indexed.store();
        double mb = Files.size(warc) / 1048576.0;
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            long captures = archive.index().stats().captures();
            System.out.printf("file: %s, %.1f MB compressed, %d captures; heap limit %d MB%n", warc, mb, captures,
                    Runtime.getRuntime().maxMemory() >> 20);
            Path wacz = out.resolve("export.wacz");
            WaczExporter exporter = new WaczExporter(archive.store(), archive.index());
            double gzip = ImportBench.time("gzip -dc > /dev/null", () -> ImportBench.exec(List.of("gzip", "-dc", warc.toString())));
            WaczSummary[] last = new WaczSummary[1];
            double whole = ImportBench.time("export --wacz (whole store)",
                    () -> last[0] = exporter.export(wacz, List.of(), false));
            System.out.printf("  %d captures, %d pages, %.1f MB WACZ%n", last[0].captures(), last[0].pages(),
                    last[0].bytes() / 1048576.0);
            double page = ImportBench.time("export --wacz URL (one page of the file)",
                    () -> last[0] = exporter.export(wacz, List.of("http://site7.example/p/7"), false));
            System.out.printf("  %d captures, %.2f MB WACZ%n", last[0].captures(), last[0].bytes() / 1048576.0);
            Files.deleteIfExists(wacz);
            System.out.printf("%n%-44s %8s %10s%n", "", "seconds", "MB/s");
            System.out.printf("%-44s %8.2f %10.1f%n", "gzip -dc (floor of a scan)", gzip, mb / gzip);
            System.out.printf("%-44s %8.2f %10.1f%n", "export whole store", whole, mb / whole);
            System.out.printf("%-44s %8.2f %10.1f%n", "export one page (scans the file)", page, mb / page);
        }
    }
}
