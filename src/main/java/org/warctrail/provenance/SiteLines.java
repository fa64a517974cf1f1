package org.warctrail.provenance;

import java.util.Arrays;

/**
 * Lines of a text as the boilerplate check sees them (split at "\n" as {@link ReuseDetector} does, compared as {@link MatchText} words),
 * hashed so that a site's line counts can be kept in the index instead of re-reading its pages.
 */
final class SiteLines {
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;

    private SiteLines() {
    }

    /** 64-bit hash (FNV-1a) of a line's normalised words; 0 for a line without words. */
    public static long hash(String line) {
        String normalised = MatchText.normalise(line);
        if (normalised.isBlank()) return 0;
        long h = fnv(FNV_OFFSET, normalised);
        return h == 0 ? 1 : h;
    }

    /** FNV-1a of the characters, going on from {@code h}. */
    private static long fnv(long h, String chars) {
        for (int i = 0; i < chars.length(); i++) h = (h ^ chars.charAt(i)) * 0x100000001b3L;
        return h;
    }

    /** The distinct hashes of a text's lines that have words; none for a null or empty text. */
    public static long[] distinctHashes(String text) {
        if (text == null || text.isEmpty()) return new long[0];
        long[] hashes = Arrays.stream(text.split("\n")).mapToLong(SiteLines::hash).filter(h -> h != 0).distinct().toArray();
        Arrays.sort(hashes);
        return hashes;
    }

    /**
     * {@link #distinctHashes(String)} of the text's original, from the words already found in it: a line's words
     * are the text's words that lie in it, unless a word runs across a line break (a hyphenated one joined), where
     * the lines are read again one by one.
     */
    public static long[] distinctHashes(MatchText text) {
        String original = text.original();
        if (original.isEmpty()) return new long[0];
        long[] hashes = new long[16];
        int count = 0;
        int words = text.size();
        int w = 0;
        int lineStart = 0;
        while (lineStart <= original.length()) {
            int lineEnd = original.indexOf('\n', lineStart);
            if (lineEnd < 0) lineEnd = original.length();
            // the hash of the line's words joined by single spaces, as hash(line) reads them
            long h = FNV_OFFSET;
            boolean blank = true;
            for (int first = w; w < words && text.start(w) < lineEnd; w++) {
                if (text.end(w) > lineEnd) return distinctHashes(original);
                if (w > first) h = fnv(h, " ");
                h = fnv(h, text.word(w));
                blank &= text.word(w).isBlank();
            }
            if (!blank) {
                if (count == hashes.length) hashes = Arrays.copyOf(hashes, count * 2);
                hashes[count++] = h == 0 ? 1 : h;
            }
            lineStart = lineEnd + 1;
        }
        return Arrays.stream(hashes, 0, count).distinct().sorted().toArray();
    }
}
