package org.warctrail.provenance;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.ReuseTables;

/** {@link ReuseCandidates} and {@link ReuseCorpus} over the index's reuse tables and documents. */
public final class IndexedReuseStore implements ReuseCandidates, ReuseCorpus {
    private final ReuseTables tables;

    public IndexedReuseStore(ReuseTables tables) {
        this.tables = tables;
    }

    @Override
    public void put(long documentId, long[] bandKeys) {
        tables.putBands(documentId, bandKeys);
    }

    @Override
    public Map<Long, Integer> candidates(long[] bandKeys, int perKeyLimit) {
        return tables.candidates(bandKeys, perKeyLimit);
    }

    @Override
    public Optional<ReuseDocument> document(long id) {
        return tables.document(id).map(IndexedReuseStore::reuseDocument);
    }

    @Override
    public Optional<String> url(long id) {
        return tables.url(id);
    }

    @Override
    public Map<Long, String> urls(Collection<Long> ids) {
        return tables.urls(ids);
    }

    /**
     * One lookup in the site's line counts, kept as documents are recorded: the passage is a line of the document
     * being detected, which is not counted yet, so it is counted here as one of the pages holding the line.
     */
    @Override
    public int siteDocumentsContaining(String site, String passage, int atMost) {
        long hash = SiteLines.hash(passage);
        if (hash == 0) return 0;
        return Math.min(atMost, tables.siteLinePages(site, hash) + 1);
    }

    static ReuseDocument reuseDocument(CandidateDocument d) {
        return new ReuseDocument(d.id(), d.url(), d.published(), d.timestamp(), d.text());
    }
}
