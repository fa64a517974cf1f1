package org.warctrail.bench;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.ReuseTables;
import org.warctrail.provenance.IndexedReuseStore;
import org.warctrail.provenance.MatchText;
import org.warctrail.provenance.ReuseDetector;
import org.warctrail.provenance.ReuseDocument;
import org.warctrail.provenance.ReuseSignature;

/**
 * Where reuse-detection time goes on a store the SQLite bench built, for the N documents up to LASTID (two passes,
 * the second reported): signature, candidate lookup, whole detection, and band keys, bucket rows, candidates and
 * candidates sharing 2+ keys per document.
 *
 * <p>Run: {@code java -cp "target/classes:target/test-classes:$(cat target/cp.txt)" org.warctrail.bench.ReuseCostProbe
 * bench/out/provenance-store/store 100000 1000} after {@code bench/provenance.sh --sqlite}.
 */
public final class ReuseCostProbe {
    public static void main(String[] args) throws Exception {
        Path store = Path.of(args[0]);
        long last = Long.parseLong(args[1]);
        int n = Integer.parseInt(args[2]);
        try (Archive archive = Archives.open(store, m -> { }, (url, type, payload) -> null)) {
            ReuseTables tables = new ReuseTables(archive.index());
            IndexedReuseStore st = new IndexedReuseStore(tables);
            ReuseDetector detector = new ReuseDetector(st, st);
            long sig = 0, look = 0, all = 0, keysN = 0, rows = 0, cands = 0, two = 0, found = 0;
            for (int pass = 0; pass < 2; pass++) {
                sig = look = all = keysN = rows = cands = two = found = 0;
                for (long id = last - n + 1; id <= last; id++) {
                    CandidateDocument d = tables.document(id).orElseThrow();
                    long t0 = System.nanoTime();
                    MatchText text = MatchText.of(d.text());
                    long[] keys = ReuseSignature.bandKeys(text);
                    long t1 = System.nanoTime();
                    Map<Long, Integer> c = tables.candidates(keys, ReuseDetector.PER_KEY_LIMIT);
                    long t2 = System.nanoTime();
                    found += detector.detect(new ReuseDocument(d.id(), d.url(), d.published(), d.timestamp(), d.text()), text, keys).size();
                    long t3 = System.nanoTime();
                    sig += t1 - t0; look += t2 - t1; all += (t1 - t0) + (t3 - t2);
                    keysN += keys.length;
                    for (int v : c.values()) { rows += v; if (v >= 2) two++; }
                    cands += c.size();
                }
            }
            System.out.printf(Locale.ROOT, "sig %.0f µs, lookup %.0f µs, detect total %.0f µs; keys %.1f rows %.1f cands %.1f cands>=2 %.2f found %d%n",
                    sig / 1e3 / n, look / 1e3 / n, all / 1e3 / n, (double) keysN / n, (double) rows / n, (double) cands / n, (double) two / n, found);
        }
    }
}
