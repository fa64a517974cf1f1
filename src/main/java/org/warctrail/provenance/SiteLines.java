package org.warctrail.provenance;

import java.util.Arrays;

/**
 * Lines of a text as the boilerplate check sees them (split at "\n" as {@link ReuseDetector} does, compared as {@link MatchText} words),
 * hashed so that a site's line counts can be kept in the index instead of re-reading its pages.
 */
final class SiteLines {
    private SiteLines() {
    }

    /** 64-bit hash (FNV-1a) of a line's normalised words; 0 for a line without words. */
    public static long hash(String line) {
        String normalised = MatchText.normalise(line);
        if (normalised.isBlank()) return 0;
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < normalised.length(); i++) {
            h ^= normalised.charAt(i);
            h *= 0x100000001b3L;
        }
        return h == 0 ? 1 : h;
    }

    /** The distinct hashes of a text's lines that have words; none for a null or empty text. */
    public static long[] distinctHashes(String text) {
        if (text == null || text.isEmpty()) return new long[0];
        long[] hashes = Arrays.stream(text.split("\n")).mapToLong(SiteLines::hash).filter(h -> h != 0).distinct().toArray();
        Arrays.sort(hashes);
        return hashes;
    }
}
