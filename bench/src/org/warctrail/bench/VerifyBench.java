package org.warctrail.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.app.StoreVerifier;
import org.warctrail.export.SigningKey;
import org.warctrail.export.WaczExporter;
import org.warctrail.export.WaczVerifier;
import org.warctrail.index.FileVerification;

/**
 * Fixity speed on the import benchmark's generated file ({@code bench/verify.sh}): {@code verify} of the store (every
 * record inflated member by member with its CRC-32, block and payload sha1, the index's rows laid beside), next to
 * {@code gzip -t} (the floor of reading the file) and jwarc's {@code validate} (digests, no index) on the same file;
 * then a signed WACZ of the store and its verification (sha256 of every entry, the signature).
 */
public final class VerifyBench {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/out");
        Files.createDirectories(out);
        ImportBench.IndexedFile indexed = ImportBench.indexedOnce(out);
        Path warc = indexed.warc();
        Path store = indexed.store();
        double mb = Files.size(warc) / 1048576.0;
        String jwarcJar = System.getProperty("java.class.path").lines().flatMap(l -> List.of(l.split(":")).stream())
                .filter(p -> p.contains("jwarc")).findFirst().orElseThrow();
        try (Archive archive = Archives.openForReading(store, m -> { })) {
            System.out.printf("file: %s, %.1f MB compressed, %d captures; heap limit %d MB%n", warc, mb,
                    archive.index().stats().captures(), Runtime.getRuntime().maxMemory() >> 20);
            double gzip = ImportBench.time("gzip -t", () -> ImportBench.exec(List.of("gzip", "-t", warc.toString())));
            double jwarc = ImportBench.time("jwarc validate", () -> ImportBench.exec(List.of(ImportBench.javaBin(),
                    "-cp", jwarcJar, "org.netpreserve.jwarc.tools.WarcTool", "validate", "--no-header-validation",
                    warc.toString())));
            StoreVerifier verifier = new StoreVerifier(archive.store(), archive.index());
            long[] damaged = new long[2];
            double verify = ImportBench.time("verify (store and index)", () -> {
                StoreVerifier.Outcome o = verifier.verify(new StoreVerifier.Listener() {
                    @Override
                    public void damage(StoreVerifier.Damage damage) {
                    }

                    @Override
                    public void fileDone(FileVerification file) {
                    }
                });
                damaged[0] = o.damaged();
                damaged[1] = o.records();
            });
            System.out.printf("  %d records, %d damaged%n", damaged[1], damaged[0]);

            Path wacz = out.resolve("verify-bench.wacz");
            SigningKey key = SigningKey.ofStore(store);
            double export = ImportBench.time("export --wacz --sign (whole store)",
                    () -> new WaczExporter(archive.store(), archive.index()).signWith(key).export(wacz, List.of(), false));
            double waczMb = Files.size(wacz) / 1048576.0;
            boolean[] intact = new boolean[1];
            double waczVerify = ImportBench.time("verify FILE.wacz", () -> intact[0] = WaczVerifier.verify(wacz).intact());
            System.out.printf("  %.1f MB WACZ, intact: %s%n", waczMb, intact[0]);
            Files.deleteIfExists(wacz);

            System.out.printf("%n%-44s %8s %10s%n", "", "seconds", "MB/s");
            System.out.printf("%-44s %8.2f %10.1f%n", "gzip -t (floor of a read)", gzip, mb / gzip);
            System.out.printf("%-44s %8.2f %10.1f%n", "jwarc validate (digests, no index)", jwarc, mb / jwarc);
            System.out.printf("%-44s %8.2f %10.1f%n", "verify (gzip, digests, index rows)", verify, mb / verify);
            System.out.printf("%-44s %8.2f %10.1f%n", "export --wacz --sign", export, mb / export);
            System.out.printf("%-44s %8.2f %10.1f%n", "verify FILE.wacz (sha256, signature)", waczVerify,
                    waczMb / waczVerify);
        }
    }
}
