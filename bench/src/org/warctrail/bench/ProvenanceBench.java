package org.warctrail.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;
import org.warctrail.provenance.InMemoryProvenanceGraph;
import org.warctrail.provenance.InMemoryQuoteCandidates;
import org.warctrail.provenance.InMemoryReuseCandidates;
import org.warctrail.provenance.InMemoryReuseCorpus;
import org.warctrail.provenance.QuoteCandidate;
import org.warctrail.provenance.QuoteTracer;
import org.warctrail.provenance.Reuse;
import org.warctrail.provenance.ReuseDetector;
import org.warctrail.provenance.ReuseDocument;
import org.warctrail.provenance.Trace;

/**
 * Provenance benchmark over a {@link SyntheticCorpus}: reuse-detection cost per added document as the store grows
 * (it should stay flat: LSH bucket lookups, not comparisons with every document), recall of the planted reuse,
 * and quote-trace latency (p50, p95) with the origin found.
 *
 * <p>Run: {@code bench/provenance.sh [--docs N] [--traces N]} (defaults 100000 and 200).
 */
public final class ProvenanceBench {
    /** Where documents go and traces come from. */
    interface Backend {
        List<Reuse> add(SyntheticCorpus.Doc doc);

        Trace trace(String quote);
    }

    /** The in-memory implementations of the provenance interfaces. */
    static final class InMemory implements Backend {
        final InMemoryProvenanceGraph graph = new InMemoryProvenanceGraph();
        final InMemoryQuoteCandidates candidates = new InMemoryQuoteCandidates();
        final InMemoryReuseCorpus corpus = new InMemoryReuseCorpus();
        final ReuseDetector detector = new ReuseDetector(new InMemoryReuseCandidates(), corpus);
        final QuoteTracer tracer = new QuoteTracer(candidates, graph);

        @Override
        public List<Reuse> add(SyntheticCorpus.Doc d) {
            List<Link> links = d.links().stream().map(l -> new Link(l.url(), l.text(), "",
                    LinkKind.parse(l.kind()), l.kind().equals("navigation") ? LinkPlace.NAVIGATION : LinkPlace.MAIN)).toList();
            graph.addPage(d.url(), d.timestamp(), d.title(), d.site(), d.published(), links);
            candidates.add(new QuoteCandidate(d.url(), d.timestamp(), d.published(), d.title(), d.text(), List.of()));
            ReuseDocument document = new ReuseDocument(d.id(), d.url(), d.published(), d.timestamp(), d.text());
            corpus.add(document);
            List<Reuse> found = detector.add(document);
            for (Reuse r : found) graph.addReuse(r, r.targetId() == d.id() ? d.text() : null);
            return found;
        }

        @Override
        public Trace trace(String quote) {
            return tracer.trace(quote);
        }
    }

    public static void main(String[] args) {
        int docs = 100_000;
        int traces = 200;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--docs" -> docs = Integer.parseInt(args[++i]);
                case "--traces" -> traces = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument: " + args[i]);
            }
        }
        run(new InMemory(), "in-memory", docs, traces);
    }

    static void run(Backend backend, String name, int docs, int traces) {
        SyntheticCorpus corpus = new SyntheticCorpus(42, 30_000, 500);
        System.out.printf(Locale.ROOT, "provenance bench: %s backend, %,d documents%n", name, docs);
        int planted = 0;
        int detected = 0;
        long windowNanos = 0;
        int windowDocs = 0;
        long windowWords = 0;
        long start = System.nanoTime();
        for (int i = 0; i < docs; i++) {
            SyntheticCorpus.Doc d = corpus.next();
            long t0 = System.nanoTime();
            List<Reuse> found = backend.add(d);
            long elapsed = System.nanoTime() - t0;
            if (d.reusedFrom() >= 0) {
                planted++;
                if (found.stream().anyMatch(r -> r.sourceId() == d.reusedFrom() && r.targetId() == d.id())) detected++;
            }
            int n = i + 1;
            // The 1000 documents before each checkpoint make the window per-document costs are measured over.
            if (isCheckpoint(n + 1000, docs) || windowDocs > 0) {
                windowNanos += elapsed;
                windowDocs++;
                windowWords += d.text().split("\\s+").length;
            }
            if (isCheckpoint(n, docs)) {
                System.out.printf(Locale.ROOT,
                        "%,9d docs: add with reuse detection %.0f µs/doc (last %d docs, %.0f words avg);"
                                + " planted reuse found %d/%d; total %.1f s%n",
                        n, windowNanos / 1e3 / windowDocs, windowDocs, (double) windowWords / windowDocs, detected,
                        planted, (System.nanoTime() - start) / 1e9);
                windowNanos = 0;
                windowDocs = 0;
                windowWords = 0;
                traceLatency(backend::trace, corpus, n, traces);
            }
        }
    }

    private static boolean isCheckpoint(int n, int docs) {
        return n == 10_000 || n == docs;
    }

    /** Trace latency over planted quotes, as both benches report it; {@code tracer} is the backend's trace. */
    static void traceLatency(Function<String, Trace> tracer, SyntheticCorpus corpus, int docs, int traces) {
        SplittableRandom random = new SplittableRandom(docs);
        int quotesPlanted = Math.min(corpus.quoteCount(), docs / 10);
        long[] nanos = new long[traces];
        int matches = 0;
        int linked = 0;
        for (int k = 0; k < traces; k++) {
            String quote = corpus.quote(random.nextInt(quotesPlanted));
            long t0 = System.nanoTime();
            Trace trace = tracer.apply(quote);
            nanos[k] = System.nanoTime() - t0;
            matches += trace.matches().size();
            if (trace.origin() != null && "chain".equals(trace.origin().reason())) linked++;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT,
                "%,9d docs: trace p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d traces, %.1f matches avg, origin by chain in %d)%n",
                docs, nanos[traces / 2] / 1e6, nanos[(int) (traces * 0.95)] / 1e6, nanos[traces - 1] / 1e6, traces,
                (double) matches / traces, linked);
    }

    private ProvenanceBench() {
    }

}
