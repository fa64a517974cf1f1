package org.warctrail.provenance;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.ReuseTables;

/** {@link ReuseCandidates} and {@link ReuseCorpus} over the index's reuse tables and documents. */
public final class IndexedReuseStore implements ReuseCandidates, ReuseCorpus {
    /** Pages of a site (the most recent, one per URL) a passage is looked for in to judge it site-wide. */
    public static final int SITE_SAMPLE = 50;

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

    /** Counts among the site's {@value #SITE_SAMPLE} most recent pages: bounded work whatever the site's size. */
    @Override
    public int siteDocumentsContaining(String site, String passage, int atMost) {
        String needle = " " + MatchText.normalise(passage) + " ";
        if (needle.isBlank()) return 0;
        return tables.countRecentSiteTexts(site, SITE_SAMPLE, text -> (" " + MatchText.normalise(text) + " ").contains(needle),
                atMost);
    }

    static ReuseDocument reuseDocument(CandidateDocument d) {
        return new ReuseDocument(d.id(), d.url(), d.published(), d.timestamp(), d.text());
    }
}
