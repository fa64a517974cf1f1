package org.warctrail.provenance;

import java.util.SplittableRandom;

/**
 * MinHash signatures of shingle sets: the share of equal positions in two signatures estimates the Jaccard
 * similarity of the sets. Each "permutation" is {@code mix((x ^ salt) * odd)}, a bijection on 64-bit values, seeded
 * deterministically so signatures computed anywhere (a batch job, another run) agree.
 */
public final class MinHash {
    private final long[] salts;
    private final long[] multipliers;

    public MinHash(int permutations, long seed) {
        if (permutations < 1) throw new IllegalArgumentException("permutations must be positive: " + permutations);
        SplittableRandom random = new SplittableRandom(seed);
        salts = new long[permutations];
        multipliers = new long[permutations];
        for (int i = 0; i < permutations; i++) {
            salts[i] = random.nextLong();
            multipliers[i] = random.nextLong() | 1L;
        }
    }

    public int permutations() {
        return salts.length;
    }

    /** The signature of a set of shingle hashes (duplicates do not matter); all Long.MAX_VALUE for an empty set. */
    public long[] signature(long[] shingles) {
        long[] signature = new long[salts.length];
        // one permutation at a time over all shingles: its salt, multiplier and minimum stay in registers (shingles
        // outside, the signature was loaded and stored at every step: a third of the index writer's time)
        for (int i = 0; i < signature.length; i++) {
            long salt = salts[i];
            long multiplier = multipliers[i];
            long min = Long.MAX_VALUE;
            for (long x : shingles) {
                long y = (x ^ salt) * multiplier;
                y ^= y >>> 31;
                min = Math.min(min, y);
            }
            signature[i] = min;
        }
        return signature;
    }

    /** The estimated Jaccard similarity of the sets two signatures were made from. */
    public static double similarity(long[] a, long[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("signatures differ in length: " + a.length + " vs " + b.length);
        int equal = 0;
        for (int i = 0; i < a.length; i++) if (a[i] == b[i]) equal++;
        return (double) equal / a.length;
    }
}
