package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.ReuseTables;

/**
 * {@link ReuseCandidates} and {@link ReuseCorpus} over the index's reuse tables and documents, plus what the
 * current derivation batch filed and counted but has not committed yet: the documents of a batch see those before
 * them. Bucket sizes come from the lookups (the detector looks a document's keys up before filing it), so filing
 * needs no count query per key. One per batch; not shared between threads.
 */
public final class IndexedReuseStore implements ReuseCandidates, ReuseCorpus {
    private final ReuseTables tables;
    /** Stored bucket sizes, as lookups read them. */
    private final Map<Long, Integer> storedSizes = new HashMap<>();
    /** The batch's documents per band key, in filing order. */
    private final Map<Long, List<Long>> batchBuckets = new HashMap<>();
    /** The batch's line counts per site. */
    private final Map<String, Map<Long, Integer>> batchLines = new HashMap<>();

    public IndexedReuseStore(ReuseTables tables) {
        this.tables = tables;
    }

    /** Files the document, in this batch, under the keys whose bucket is not full; returns those keys. */
    public long[] file(long documentId, long[] bandKeys) {
        long[] filed = new long[bandKeys.length];
        int n = 0;
        for (long key : bandKeys) {
            List<Long> added = batchBuckets.get(key);
            int size = storedSizes.getOrDefault(key, 0) + (added == null ? 0 : added.size());
            if (size >= ReuseTables.BUCKET_LIMIT) continue;
            batchBuckets.computeIfAbsent(key, k -> new ArrayList<>(2)).add(documentId);
            filed[n++] = key;
        }
        return java.util.Arrays.copyOf(filed, n);
    }

    @Override
    public void put(long documentId, long[] bandKeys) {
        file(documentId, bandKeys);
    }

    /** Counts the lines as held by one more page of the site, in this batch. */
    public void countLines(String site, long[] lineHashes) {
        Map<Long, Integer> counts = batchLines.computeIfAbsent(site, s -> new HashMap<>());
        for (long h : lineHashes) counts.merge(h, 1, Integer::sum);
    }

    @Override
    public Map<Long, Integer> candidates(long[] bandKeys, int perKeyLimit) {
        ReuseTables.BandLookup stored = tables.lookup(bandKeys, perKeyLimit);
        storedSizes.putAll(stored.bucketSizes());
        if (batchBuckets.isEmpty()) return stored.documents();
        Map<Long, Integer> found = new HashMap<>(stored.documents());
        for (long key : bandKeys) {
            List<Long> added = batchBuckets.get(key);
            if (added == null) continue;
            int room = perKeyLimit - Math.min(perKeyLimit, stored.bucketSizes().getOrDefault(key, 0));
            for (int i = 0; i < added.size() && i < room; i++) found.merge(added.get(i), 1, Integer::sum);
        }
        return found;
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
     * One lookup in the site's line counts, kept as documents are recorded (and those of this batch): the passage
     * is a line of the document being detected, which is not counted yet, so it is counted here as one of the
     * pages holding the line.
     */
    @Override
    public int siteDocumentsContaining(String site, String passage, int atMost) {
        long hash = SiteLines.hash(passage);
        if (hash == 0) return 0;
        int inBatch = batchLines.getOrDefault(site, Map.of()).getOrDefault(hash, 0);
        return Math.min(atMost, tables.siteLinePages(site, hash) + inBatch + 1);
    }

    static ReuseDocument reuseDocument(CandidateDocument d) {
        return new ReuseDocument(d.id(), d.url(), d.published(), d.timestamp(), d.text());
    }
}
