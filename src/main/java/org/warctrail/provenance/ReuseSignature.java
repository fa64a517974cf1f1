package org.warctrail.provenance;

import java.util.Arrays;

/**
 * The LSH band keys a document is filed under for text-reuse search: a pure function of its text, so it can be
 * computed wherever the text is (the indexer, a batch job over WARCs).
 *
 * <p>Shingles of 5 words; MinHash with 32 permutations, each its own band (32 bands of one row): a key is one
 * MinHash value, and {@link ReuseDetector} aligns a candidate sharing at least 2 of them, which two texts with a
 * Jaccard similarity of 0.1 do with probability 0.84, 0.15 with 0.96, 0.2 with 0.99 (64 bands of 2 rows, before:
 * 0.47, 0.77, 0.93): low, because copying a few paragraphs into a post of its own makes a partial overlap, not a
 * near-duplicate. With half the keys to store (the bucket table was most of what reuse adds to the index), the
 * planted-reuse bench finds more than before. Documents longer than 800 words are signed in chunks of about 400
 * words (each chunk its own signature, keys pooled), so a few paragraphs copied from a long article still stand
 * out against the chunk they came from. Keys per document stay bounded by 32 × chunks, and a lookup costs one
 * bucket read per key whatever the size of the store. Keys are 31 bits (the top bits of the band hash): SQLite
 * stores them in 4 bytes instead of 8; a chance collision among the few million keys of a 100,000-document store
 * is one shared key, which is not enough to be aligned.
 */
public final class ReuseSignature {
    public static final int SHINGLE_WORDS = 5;
    public static final int PERMUTATIONS = 32;
    public static final int BANDS = 32;
    public static final int ROWS = 1;
    public static final int CHUNK_WORDS = 400;
    /** Keys keep the top 31 bits of a band's 64-bit hash. */
    private static final int KEY_SHIFT = 33;
    private static final long SEED = 0x77617263747261L; // "warctra": fixed, so signatures made anywhere agree

    private static final MinHash MIN_HASH = new MinHash(PERMUTATIONS, SEED);
    private static final LshBands BANDING = new LshBands(BANDS, ROWS);

    private ReuseSignature() {
    }

    /** The distinct band keys of a text; empty when it has fewer words than one shingle. */
    public static long[] bandKeys(MatchText text) {
        long[] wordHashes = text.wordHashes();
        int words = wordHashes.length;
        if (words < SHINGLE_WORDS) return new long[0];
        int chunks = Math.max(1, words / CHUNK_WORDS);
        long[] keys = new long[chunks * BANDS];
        for (int c = 0; c < chunks; c++) {
            int from = c * CHUNK_WORDS;
            int to = c == chunks - 1 ? words : from + CHUNK_WORDS; // the last chunk takes the remainder
            long[] shingles = Shingles.of(wordHashes, from, to, SHINGLE_WORDS);
            long[] band = BANDING.keys(MIN_HASH.signature(shingles));
            for (int b = 0; b < BANDS; b++) keys[c * BANDS + b] = band[b] >>> KEY_SHIFT;
        }
        return Arrays.stream(keys).distinct().toArray();
    }
}
