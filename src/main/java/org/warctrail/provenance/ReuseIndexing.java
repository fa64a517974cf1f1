package org.warctrail.provenance;

import java.util.List;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.IndexingHook;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoredPassage;
import org.warctrail.index.StoredReuse;

/**
 * Text-reuse detection as documents are indexed: the index runs this hook (registered in
 * {@code META-INF/services/org.warctrail.index.IndexingHook}) after each batch it commits, and it processes, in
 * id order, the documents past its mark: band keys, candidates, alignment, then keys, reuse and mark recorded in
 * one transaction per document. Run twice, it finds nothing left to do.
 */
public final class ReuseIndexing implements IndexingHook {
    private static final int BATCH = 100;

    @Override
    public void documentsIndexed(CaptureIndex index) {
        catchUp(index);
    }

    /** Detects reuse for every document not yet processed; returns how many were processed. */
    public static int catchUp(CaptureIndex index) {
        synchronized (index) {
            ReuseTables tables = new ReuseTables(index);
            IndexedReuseStore store = new IndexedReuseStore(tables);
            ReuseDetector detector = new ReuseDetector(store, store);
            int processed = 0;
            for (List<CandidateDocument> pending = tables.pending(BATCH); !pending.isEmpty();
                 pending = tables.pending(BATCH)) {
                for (CandidateDocument d : pending) {
                    MatchText text = MatchText.of(d.text());
                    long[] keys = ReuseSignature.bandKeys(text);
                    ReuseDocument document = IndexedReuseStore.reuseDocument(d);
                    List<Reuse> found = detector.detect(document, text, keys);
                    tables.record(d.id(), keys, document.site(), SiteLines.distinctHashes(d.text()),
                            found.stream().map(ReuseIndexing::stored).toList());
                    processed++;
                }
            }
            return processed;
        }
    }

    static StoredReuse stored(Reuse r) {
        return new StoredReuse(r.sourceId(), r.sourceUrl(), r.targetId(), r.targetUrl(), r.words(), r.sourceShare(),
                r.targetShare(), r.passages().stream().map(p -> new StoredPassage(p.sourceStart(), p.sourceEnd(),
                p.targetStart(), p.targetEnd(), p.words())).toList());
    }

    static Reuse reuse(StoredReuse r) {
        return new Reuse(r.sourceId(), r.sourceUrl(), r.targetId(), r.targetUrl(), r.passages().stream()
                .map(p -> new Passage(p.sourceStart(), p.sourceEnd(), p.targetStart(), p.targetEnd(), p.words()))
                .toList(), r.words(), r.sourceShare(), r.targetShare());
    }
}
