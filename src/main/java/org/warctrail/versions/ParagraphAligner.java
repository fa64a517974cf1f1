package org.warctrail.versions;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Aligns the paragraphs of two versions. Identical paragraphs are anchored first (Myers diff over paragraph
 * ids, cheap for long texts with few edits); inside each stretch between anchors, an order-preserving
 * alignment (a DP maximising the summed word-set similarity) pairs a rewritten paragraph with its old self,
 * so it reads as one change instead of a deletion and an insertion.
 */
final class ParagraphAligner {
    /** Jaccard similarity of word sets above which two paragraphs count as one rewritten paragraph. */
    static final double THRESHOLD = 0.3;
    /** Above this many candidate pairs in one stretch, the texts were rewritten wholesale: no pairing. */
    private static final long MAX_CELLS = 4_000_000L;

    /** An aligned pair: {@code from} -1 for an inserted paragraph, {@code to} -1 for a deleted one. */
    record Pair(int from, int to) {
    }

    private ParagraphAligner() {
    }

    /** The pairs of paragraphs that are not identical, in reading order of the new version. */
    static List<Pair> align(List<String> from, List<String> to) {
        Map<String, Integer> ids = new HashMap<>();
        List<Integer> a = new ArrayList<>(from.size());
        List<Integer> b = new ArrayList<>(to.size());
        for (String p : from) a.add(ids.computeIfAbsent(p, k -> ids.size()));
        for (String p : to) b.add(ids.computeIfAbsent(p, k -> ids.size()));
        List<Pair> out = new ArrayList<>();
        for (AbstractDelta<Integer> delta : DiffUtils.diff(a, b).getDeltas()) {
            int s = delta.getSource().getPosition();
            int k = delta.getSource().size();
            int t = delta.getTarget().getPosition();
            int l = delta.getTarget().size();
            alignStretch(from, s, k, to, t, l, out);
        }
        return out;
    }

    private static void alignStretch(List<String> from, int s, int k, List<String> to, int t, int l, List<Pair> out) {
        if (k == 0 || l == 0 || (long) k * l > MAX_CELLS) {
            for (int i = 0; i < k; i++) out.add(new Pair(s + i, -1));
            for (int j = 0; j < l; j++) out.add(new Pair(-1, t + j));
            return;
        }
        List<Set<String>> fromWords = new ArrayList<>(k);
        List<Set<String>> toWords = new ArrayList<>(l);
        for (int i = 0; i < k; i++) fromWords.add(wordSet(from.get(s + i)));
        for (int j = 0; j < l; j++) toWords.add(wordSet(to.get(t + j)));
        // best[i][j]: the best summed similarity aligning the first i old and first j new paragraphs
        double[][] best = new double[k + 1][l + 1];
        double[][] sim = new double[k][l];
        for (int i = 1; i <= k; i++) {
            for (int j = 1; j <= l; j++) {
                double v = Math.max(best[i - 1][j], best[i][j - 1]);
                double similarity = jaccard(fromWords.get(i - 1), toWords.get(j - 1));
                sim[i - 1][j - 1] = similarity;
                if (similarity >= THRESHOLD) v = Math.max(v, best[i - 1][j - 1] + similarity);
                best[i][j] = v;
            }
        }
        List<Pair> reversed = new ArrayList<>();
        int i = k;
        int j = l;
        while (i > 0 || j > 0) {
            if (i > 0 && j > 0 && sim[i - 1][j - 1] >= THRESHOLD
                    && best[i][j] == best[i - 1][j - 1] + sim[i - 1][j - 1]) {
                reversed.add(new Pair(s + i - 1, t + j - 1));
                i--;
                j--;
            } else if (j > 0 && (i == 0 || best[i][j] == best[i][j - 1])) {
                reversed.add(new Pair(-1, t + j - 1));
                j--;
            } else {
                reversed.add(new Pair(s + i - 1, -1));
                i--;
            }
        }
        for (int r = reversed.size() - 1; r >= 0; r--) out.add(reversed.get(r));
    }

    static Set<String> wordSet(String paragraph) {
        Set<String> words = new HashSet<>();
        for (Token token : WordTokenizer.tokens(paragraph)) {
            if (token.isWord()) words.add(token.text().toLowerCase(java.util.Locale.ROOT));
        }
        return words;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 1.0;
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String w : small) if (large.contains(w)) shared++;
        return (double) shared / (a.size() + b.size() - shared);
    }
}
