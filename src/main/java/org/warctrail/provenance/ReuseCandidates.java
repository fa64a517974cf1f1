package org.warctrail.provenance;

import java.util.Map;

/**
 * The band-bucket table of text-reuse search: which documents are filed under which LSH band keys. The index
 * keeps it in SQLite; {@link InMemoryReuseCandidates} serves tests and benchmarks.
 */
interface ReuseCandidates {
    /** Files a document under its band keys (from {@link ReuseSignature#bandKeys}). */
    void put(long documentId, long[] bandKeys);

    /**
     * The documents filed under any of the keys, each with the number of keys it shares. Reads at most
     * {@code perKeyLimit} documents per key, so a key everything shares (boilerplate) cannot make a lookup slow.
     */
    Map<Long, Integer> candidates(long[] bandKeys, int perKeyLimit);
}
