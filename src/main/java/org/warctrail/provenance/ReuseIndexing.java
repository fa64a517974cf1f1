package org.warctrail.provenance;

import java.util.List;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.Deriver;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoredPassage;
import org.warctrail.index.StoredReuse;

/**
 * Text-reuse detection as a {@link Deriver}: for each new document, its band keys, candidates, alignment with
 * the best of them, and its site's line counts, computed in memory against what the index holds and what the
 * batch derived before it; then keys, line counts and reuse written in the batch's one transaction. A document
 * without text has no keys and finds no reuse. Derived twice, a document adds nothing new (rows already present
 * are kept).
 */
public final class ReuseIndexing implements Deriver {
    @Override
    public String name() {
        return "reuse";
    }

    @Override
    public Batch batch(CaptureIndex index) {
        ReuseTables tables = new ReuseTables(index);
        IndexedReuseStore store = new IndexedReuseStore(tables);
        ReuseDetector detector = new ReuseDetector(store, store);
        return capture -> {
            CandidateDocument d = capture.document();
            if (d == null) return Write.NOTHING;
            MatchText text = MatchText.of(d.text());
            long[] keys = ReuseSignature.bandKeys(text);
            ReuseDocument document = IndexedReuseStore.reuseDocument(d);
            List<StoredReuse> found = detector.detect(document, text, keys).stream().map(ReuseIndexing::stored)
                    .toList();
            long[] filed = store.file(d.id(), keys);
            String site = document.site();
            long[] lines = !site.isEmpty() && tables.firstOfItsUrl(d.id()) ? SiteLines.distinctHashes(text)
                    : new long[0];
            store.countLines(site, lines);
            return tx -> tables.record(tx, d.id(), filed, site, lines, found);
        };
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
