package org.warctrail.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.Deriver;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.SurtKey;
import org.warctrail.index.VersionFlagsTable;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.IndexedReuseStore;
import org.warctrail.provenance.MatchText;
import org.warctrail.provenance.ReuseDetector;
import org.warctrail.provenance.ReuseDocument;
import org.warctrail.provenance.ReuseSignature;
import org.warctrail.versions.IndexVersionFlagger;

/**
 * The provenance benchmark against the real store: the {@link SyntheticCorpus} written as WARC files of 1,000
 * documents and imported through {@link Archive} (captures, documents, FTS5, links, and the derivation run after
 * each batch: version flags and reuse detection), then at 10k, 50k and N documents: import wall and CPU time per
 * document (everything, derivation included, over the last 5,000 documents), the index size, recall of the
 * planted reuse, reuse-detection cost per document against the SQLite tables (candidate lookups and alignment,
 * timed on the last 1,000 documents again), and trace latency p50/p95. {@code --no-reuse} runs the same import
 * with version flags alone: the difference is what reuse costs. The extractor is replaced by one that returns the
 * generated documents (the payloads are their text, labelled text/html so the index extracts them), so the
 * figures are provenance's and the index's, not HTML parsing's.
 *
 * <p>Run: {@code bench/provenance.sh --sqlite [--docs N] [--traces N] [--no-reuse] [--out DIR]}; the store is made
 * in bench/out/provenance-store.
 */
public final class ProvenanceStoreBench {
    private static final int CHUNK = 1_000;

    public static void main(String[] args) throws Exception {
        int docs = 100_000;
        int traces = 200;
        boolean reuse = true;
        Path out = Path.of("bench/out/provenance-store");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--traces" -> traces = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--no-reuse" -> reuse = false;
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        // without reuse: the same import with the version flags alone, the baseline reuse's cost is measured against
        List<Deriver> derivers = reuse ? Archives.derivers()
                : List.of(VersionFlagsTable.deriver(new IndexVersionFlagger()));
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        Map<Long, Long> planted = new HashMap<>();
        Map<Long, String> urls = new HashMap<>();
        deleteTree(out);
        Files.createDirectories(out);
        SyntheticCorpus corpus = new SyntheticCorpus(42, 30_000, 500);
        Map<String, SyntheticCorpus.Doc> byUrl = new HashMap<>();
        System.out.printf(Locale.ROOT, "provenance bench: SQLite store, %,d documents, %s, in %s%n", docs,
                reuse ? "reuse and version flags derived" : "version flags derived, no reuse", out);
        long start = System.nanoTime();
        ArrayDeque<long[]> window = new ArrayDeque<>(); // {cpu, wall, docs} of the last 5 chunks
        try (Archive archive = Archive.open(out.resolve("store"), m -> System.out.println("notice: " + m),
                (url, type, payload) -> document(byUrl.get(url)), derivers)) {
            for (int done = 0; done < docs; ) {
                int n = Math.min(CHUNK, docs - done);
                byUrl.clear();
                Path warc = out.resolve(String.format(Locale.ROOT, "chunk-%05d.warc.gz", done / CHUNK));
                try (FileChannel channel = FileChannel.open(warc, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING); WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
                    for (int k = 0; k < n; k++) {
                        SyntheticCorpus.Doc d = corpus.next();
                        byUrl.put(d.url(), d);
                        urls.put(d.id(), d.url());
                        if (d.reusedFrom() >= 0) planted.put(d.id(), d.reusedFrom());
                        writer.write(response(d));
                    }
                }
                long t0 = System.nanoTime();
                long c0 = cpu.getCurrentThreadCpuTime();
                // indexing and then derivation run on this thread: its CPU time is the import's
                archive.importFiles(List.of(warc), ImportOptions.COPY, ImportListener.NONE);
                long importCpu = cpu.getCurrentThreadCpuTime() - c0;
                long importNanos = System.nanoTime() - t0;
                Files.delete(warc);
                done += n;
                boolean checkpoint = done == 10_000 || done == 50_000 || done == docs;
                window.addLast(new long[] {importCpu, importNanos, n});
                if (window.size() > 5) window.removeFirst();
                if (checkpoint) {
                    long windowCpu = window.stream().mapToLong(w -> w[0]).sum();
                    long windowWall = window.stream().mapToLong(w -> w[1]).sum();
                    long windowDocs = window.stream().mapToLong(w -> w[2]).sum();
                    Path index = out.resolve("store/index.sqlite");
                    long indexBytes = Files.size(index) + sizeIfAny(index.resolveSibling("index.sqlite-wal"));
                    System.out.printf(Locale.ROOT, "%,9d docs: import %.2f ms/doc wall, %.2f ms/doc CPU (last %,d docs: "
                                    + "store, extract stub, index, FTS, derivation); index %.1f MB (%.0f bytes/doc); "
                                    + "total %.0f s%n", done, windowWall / 1e6 / windowDocs, windowCpu / 1e6 / windowDocs,
                            windowDocs, indexBytes / 1e6, (double) indexBytes / done, (System.nanoTime() - start) / 1e9);
                    if (reuse) {
                        recall(archive, planted, urls, done);
                        reuseCost(archive, done, n);
                    }
                    System.out.println("  derivation: " + archive.derivations().status());
                    ProvenanceBench.traceLatency(new ArchiveProvenance(archive.index())::trace, corpus, done, traces);
                }
            }
        }
    }

    /** How many planted reuses (a document reposting paragraphs of an earlier one) derivation stored. */
    private static void recall(Archive archive, Map<Long, Long> planted, Map<Long, String> urls, int docs) {
        ReuseTables tables = new ReuseTables(archive.index());
        int found = 0;
        for (Map.Entry<Long, Long> p : planted.entrySet()) {
            String source = urls.get(p.getValue());
            if (tables.reuseInto(urls.get(p.getKey())).stream().anyMatch(r -> r.sourceUrl().equals(source))) found++;
        }
        System.out.printf(Locale.ROOT, "%,9d docs: planted reuse found %,d of %,d%n", docs, found, planted.size());
    }

    private static long sizeIfAny(Path p) throws IOException {
        return Files.exists(p) ? Files.size(p) : 0;
    }

    /** Detection again (without filing) for the last {@code n} documents: the per-document cost at this size. */
    private static void reuseCost(Archive archive, int docs, int n) {
        ReuseTables tables = new ReuseTables(archive.index());
        IndexedReuseStore store = new IndexedReuseStore(tables);
        ReuseDetector detector = new ReuseDetector(store, store);
        long nanos = 0;
        int found = 0;
        for (long id = docs - n + 1; id <= docs; id++) {
            CandidateDocument d = tables.document(id).orElseThrow();
            long t0 = System.nanoTime();
            MatchText text = MatchText.of(d.text());
            found += detector.detect(new ReuseDocument(d.id(), d.url(), d.published(), d.timestamp(), d.text()), text,
                    ReuseSignature.bandKeys(text)).size();
            nanos += System.nanoTime() - t0;
        }
        System.out.printf(Locale.ROOT, "%,9d docs: reuse detection %.0f µs/doc against SQLite (last %d docs, %d reuse found)%n",
                docs, nanos / 1e3 / n, n, found);
    }

    private static Document document(SyntheticCorpus.Doc d) {
        if (d == null) return null;
        List<Link> links = d.links().stream().map(l -> new Link(l.url(), l.text(), "", LinkKind.parse(l.kind()),
                l.kind().equals("navigation") ? LinkPlace.NAVIGATION : LinkPlace.MAIN)).toList();
        return new Document(d.url(), "text/html", d.title(), d.text(), d.published(), null, List.of(), "en", null,
                d.site(), null, links, List.of(), null);
    }

    private static WarcResponse response(SyntheticCorpus.Doc d) throws IOException {
        byte[] body = d.text().getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(body);
            return new WarcResponse.Builder(URI.create(d.url())).date(SurtKey.instant(d.timestamp()))
                    .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), body).build())
                    .payloadDigest(new WarcDigest(sha1)).build();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    private ProvenanceStoreBench() {
    }
}
