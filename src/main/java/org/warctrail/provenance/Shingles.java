package org.warctrail.provenance;

/**
 * Word n-grams hashed to 64 bits: the units text reuse is measured in. The hash of an n-gram depends on its words
 * and their order only, so the same passage hashes alike in any document, on any machine.
 */
final class Shingles {
    private Shingles() {
    }

    /** 64-bit hash of a normalised word (FNV-1a, then a finaliser so that short words spread over all bits). */
    public static long hashWord(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }

    /** The hashes of every run of {@code n} consecutive words; element i is the n-gram starting at word i. */
    public static long[] of(MatchText text, int n) {
        return of(text.wordHashes(), 0, text.size(), n);
    }

    /** The hashes of the n-grams that start in words [from, to) and lie wholly inside [0, wordHashes.length). */
    public static long[] of(long[] wordHashes, int from, int to, int n) {
        int count = Math.max(0, Math.min(to, wordHashes.length - n + 1) - from);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = n;
            for (int k = 0; k < n; k++) h = mix(h * 0x9E3779B97F4A7C15L + wordHashes[from + i + k]);
            out[i] = h;
        }
        return out;
    }

    /** The murmur3 64-bit finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return z ^ (z >>> 33);
    }
}
