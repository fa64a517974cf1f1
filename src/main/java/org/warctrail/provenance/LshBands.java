package org.warctrail.provenance;

/**
 * Locality-sensitive hashing of MinHash signatures: the signature is cut into {@code bands} bands of {@code rows}
 * values, each band hashed to one key. Two documents with Jaccard similarity J share at least one key with
 * probability 1 - (1 - J^rows)^bands, so a lookup by key finds similar documents without comparing with all.
 * The band number is part of the key, so keys of different bands never meet.
 */
final class LshBands {
    private final int bands;
    private final int rows;

    public LshBands(int bands, int rows) {
        if (bands < 1 || rows < 1) throw new IllegalArgumentException("bands and rows must be positive: " + bands + "x" + rows);
        this.bands = bands;
        this.rows = rows;
    }

    public int bands() {
        return bands;
    }

    public int rows() {
        return rows;
    }

    /** The similarity at which a pair is found with probability about one half: (1/bands)^(1/rows). */
    public double threshold() {
        return Math.pow(1.0 / bands, 1.0 / rows);
    }

    /** One key per band. */
    public long[] keys(long[] signature) {
        if (signature.length < bands * rows) {
            throw new IllegalArgumentException("signature of " + signature.length + " values is too short for "
                    + bands + " bands of " + rows + " rows");
        }
        long[] keys = new long[bands];
        for (int b = 0; b < bands; b++) {
            long h = Shingles.mix(b + 1L);
            for (int r = 0; r < rows; r++) h = Shingles.mix(h * 0x9E3779B97F4A7C15L + signature[b * rows + r]);
            keys[b] = h;
        }
        return keys;
    }
}
