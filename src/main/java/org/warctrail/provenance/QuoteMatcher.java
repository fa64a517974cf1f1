package org.warctrail.provenance;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a quote in a text, tolerating small edits. Both are compared as {@link MatchText} words, so quotation
 * marks, dashes, case, punctuation and line breaks never matter. The alignment is an approximate-substring
 * edit distance over words (the whole quote against any stretch of the text): a changed, missing or added word
 * costs 1, a word with a typo costs 1 minus its character similarity. The score is 1 - cost / quote words.
 */
public final class QuoteMatcher {
    /** Words above this length in a quote are ignored (a paragraph pasted as a "quote" is still found by its start). */
    private static final int MAX_QUOTE_WORDS = 200;

    private final double minScore;
    private final int contextChars;

    /** Matches scoring at least 0.75, with about 160 characters of context either side. */
    public QuoteMatcher() {
        this(0.75, 160);
    }

    public QuoteMatcher(double minScore, int contextChars) {
        this.minScore = minScore;
        this.contextChars = contextChars;
    }

    public Optional<QuoteMatch> find(String quote, String text) {
        return find(MatchText.of(quote), MatchText.of(text));
    }

    /** The best match of the quote in the text, if it scores at least the minimum. */
    public Optional<QuoteMatch> find(MatchText quote, MatchText text) {
        int m = Math.min(quote.size(), MAX_QUOTE_WORDS);
        int n = text.size();
        if (m == 0 || n == 0) return Optional.empty();
        long[] qh = quote.wordHashes();
        long[] th = text.wordHashes();
        Map<String, double[]> costsByWord = new HashMap<>();
        // Column j of the DP: cost[i] = least cost of aligning quote words [0, i) ending just before text word j;
        // begin[i] = the text word where that alignment starts. Row 0 costs nothing anywhere: the match may start
        // at any word.
        double[] cost = new double[m + 1];
        int[] begin = new int[m + 1];
        double[] next = new double[m + 1];
        int[] nextBegin = new int[m + 1];
        for (int i = 0; i <= m; i++) cost[i] = i;
        double best = cost[m];
        int bestEnd = 0;
        int bestBegin = 0;
        for (int j = 0; j < n; j++) {
            double[] wordCosts = null;
            next[0] = 0;
            nextBegin[0] = j + 1;
            for (int i = 1; i <= m; i++) {
                double substitution;
                if (qh[i - 1] == th[j] && quote.word(i - 1).equals(text.word(j))) {
                    substitution = 0;
                } else {
                    if (wordCosts == null) wordCosts = costsByWord.computeIfAbsent(text.word(j), w -> costs(quote, m, w));
                    substitution = wordCosts[i - 1];
                }
                double diagonal = cost[i - 1] + substitution;
                double skipText = cost[i] + 1; // a word in the text the quote lacks
                double skipQuote = next[i - 1] + 1; // a quote word missing from the text
                if (diagonal <= skipText && diagonal <= skipQuote) {
                    next[i] = diagonal;
                    nextBegin[i] = i == 1 ? j : begin[i - 1];
                } else if (skipQuote <= skipText) {
                    next[i] = skipQuote;
                    nextBegin[i] = nextBegin[i - 1];
                } else {
                    next[i] = skipText;
                    nextBegin[i] = begin[i];
                }
            }
            if (next[m] < best) {
                best = next[m];
                bestEnd = j + 1;
                bestBegin = nextBegin[m];
            }
            double[] swapCost = cost;
            cost = next;
            next = swapCost;
            int[] swapBegin = begin;
            begin = nextBegin;
            nextBegin = swapBegin;
        }
        double score = Math.max(0, 1 - best / m);
        if (score < minScore || bestEnd <= bestBegin) return Optional.empty();
        score = Math.round(score * 1000) / 1000.0;
        int start = text.start(bestBegin);
        int end = text.end(bestEnd - 1);
        return Optional.of(new QuoteMatch(score, start, end, context(text.original(), start, end)));
    }

    /** The substitution cost of a text word against each quote word: 1, or less for a near spelling. */
    private static double[] costs(MatchText quote, int m, String word) {
        double[] costs = new double[m];
        for (int i = 0; i < m; i++) costs[i] = 1 - typoSimilarity(quote.word(i), word);
        return costs;
    }

    /**
     * Character similarity of two words that look like one misspelt: 1 - edit distance / longer length, when
     * both have 4 letters or more, lengths within 2, sharing the first or the last letter, and the similarity is
     * at least 0.75; else 0.
     */
    static double typoSimilarity(String a, String b) {
        if (a.length() < 4 || b.length() < 4 || Math.abs(a.length() - b.length()) > 2) return 0;
        if (a.charAt(0) != b.charAt(0) && a.charAt(a.length() - 1) != b.charAt(b.length() - 1)) return 0;
        double similarity = 1 - (double) editDistance(a, b) / Math.max(a.length(), b.length());
        return similarity >= 0.75 ? similarity : 0;
    }

    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private String context(String text, int start, int end) {
        int from = Math.max(0, start - contextChars);
        int to = Math.min(text.length(), end + contextChars);
        // Cut at whitespace, not inside a word.
        if (from > 0) {
            int space = indexOfWhitespace(text, from, start);
            from = space < 0 ? start : space + 1;
        }
        if (to < text.length()) {
            int space = lastIndexOfWhitespace(text, end, to);
            to = space < 0 ? end : space;
        }
        String context = text.substring(from, to).replaceAll("\\s+", " ").trim();
        return (from > 0 ? "…" : "") + context + (to < text.length() ? "…" : "");
    }

    private static int indexOfWhitespace(String text, int from, int limit) {
        for (int k = from; k < limit; k++) if (Character.isWhitespace(text.charAt(k))) return k;
        return -1;
    }

    private static int lastIndexOfWhitespace(String text, int from, int limit) {
        for (int k = limit - 1; k >= from; k--) if (Character.isWhitespace(text.charAt(k))) return k;
        return -1;
    }
}
