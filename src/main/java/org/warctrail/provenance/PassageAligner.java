package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Exact confirmation of the passages two texts share. Word n-grams common to both are seeds; each seed is
 * extended to the maximal run of equal words; overlapping runs are resolved longest first (each word of either
 * text belongs to at most one passage); runs that follow each other in both texts within a few words are merged
 * (an edited word or an inserted link does not split a copied paragraph); what remains below a minimum length
 * is dropped, as short common phrases are not reuse.
 *
 * <p>Cost is linear in the two lengths (a hash table of the source's n-grams), plus the lengths of the runs.
 */
final class PassageAligner {
    /** A word n-gram occurring more often than this in the source is too common to seed from (repetitive text). */
    private static final int MAX_POSITIONS = 32;

    private final int seedWords;
    private final int maxGap;
    private final int minWords;

    /** Seeds of 5 words, gaps of up to 3 words merged, passages of at least 12 words. */
    public PassageAligner() {
        this(5, 3, 12);
    }

    public PassageAligner(int seedWords, int maxGap, int minWords) {
        if (seedWords < 1 || maxGap < 0 || minWords < seedWords) {
            throw new IllegalArgumentException("need seedWords >= 1, maxGap >= 0, minWords >= seedWords: "
                    + seedWords + ", " + maxGap + ", " + minWords);
        }
        this.seedWords = seedWords;
        this.maxGap = maxGap;
        this.minWords = minWords;
    }

    public int minWords() {
        return minWords;
    }

    private record Run(int source, int target, int length) {
    }

    public PassageAlignment align(MatchText source, MatchText target) {
        List<Run> runs = runs(source, target);
        List<Run> kept = nonOverlapping(runs, source.size(), target.size());
        kept.sort(Comparator.comparingInt(Run::target));
        List<Passage> passages = new ArrayList<>();
        int shared = 0;
        int i = 0;
        while (i < kept.size()) {
            Run first = kept.get(i);
            Run last = first;
            int words = first.length;
            int j = i + 1;
            while (j < kept.size()) {
                Run next = kept.get(j);
                int targetGap = next.target - (last.target + last.length);
                int sourceGap = next.source - (last.source + last.length);
                if (targetGap > maxGap || sourceGap < 0 || sourceGap > maxGap) break;
                words += next.length;
                last = next;
                j++;
            }
            if (words >= minWords) {
                passages.add(new Passage(source.start(first.source), source.end(last.source + last.length - 1),
                        target.start(first.target), target.end(last.target + last.length - 1), words));
                shared += words;
            }
            i = j;
        }
        double sourceShare = source.isEmpty() ? 0 : (double) shared / source.size();
        double targetShare = target.isEmpty() ? 0 : (double) shared / target.size();
        return new PassageAlignment(passages, sourceShare, targetShare, source.size(), target.size());
    }

    /** Maximal runs of equal words seeded by common n-grams, at most one run per diagonal stretch. */
    private List<Run> runs(MatchText source, MatchText target) {
        List<Run> runs = new ArrayList<>();
        if (source.size() < seedWords || target.size() < seedWords) return runs;
        long[] sourceGrams = Shingles.of(source, seedWords);
        long[] targetGrams = Shingles.of(target, seedWords);
        Map<Long, int[]> positions = new HashMap<>(sourceGrams.length * 2);
        for (int i = 0; i < sourceGrams.length; i++) {
            int[] list = positions.get(sourceGrams[i]);
            if (list == null) {
                positions.put(sourceGrams[i], new int[] {1, i});
            } else if (list[0] < MAX_POSITIONS) {
                if (list[0] + 1 == list.length) list = Arrays.copyOf(list, list.length * 2);
                list[++list[0]] = i;
                positions.put(sourceGrams[i], list);
            }
        }
        // Per diagonal (source - target), the target index where the last run found on it ends.
        Map<Integer, Integer> diagonalEnds = new HashMap<>();
        long[] sw = source.wordHashes();
        long[] tw = target.wordHashes();
        for (int t = 0; t < targetGrams.length; t++) {
            int[] list = positions.get(targetGrams[t]);
            if (list == null) continue;
            for (int k = 1; k <= list[0]; k++) {
                int s = list[k];
                int diagonal = s - t;
                Integer end = diagonalEnds.get(diagonal);
                if (end != null && end > t) continue;
                int back = 0;
                while (s - back > 0 && t - back > 0 && same(source, target, sw, tw, s - back - 1, t - back - 1)
                        && (end == null || t - back - 1 >= end)) {
                    back++;
                }
                int length = 0;
                while (s + length < sw.length && t + length < tw.length
                        && same(source, target, sw, tw, s + length, t + length)) {
                    length++;
                }
                if (length < seedWords) continue; // an n-gram hash collision, not equal words
                runs.add(new Run(s - back, t - back, length + back));
                diagonalEnds.put(diagonal, t + length);
            }
        }
        return runs;
    }

    private static boolean same(MatchText source, MatchText target, long[] sw, long[] tw, int s, int t) {
        return sw[s] == tw[t] && source.word(s).equals(target.word(t));
    }

    /** Longest runs first; a run overlapping kept ones is cut to its longest free stretch, dropped if too short. */
    private List<Run> nonOverlapping(List<Run> runs, int sourceSize, int targetSize) {
        runs.sort(Comparator.comparingInt(Run::length).reversed());
        boolean[] sourceUsed = new boolean[sourceSize];
        boolean[] targetUsed = new boolean[targetSize];
        List<Run> kept = new ArrayList<>();
        for (Run run : runs) {
            int bestStart = -1;
            int bestLength = 0;
            int start = -1;
            for (int k = 0; k <= run.length; k++) {
                boolean free = k < run.length && !sourceUsed[run.source + k] && !targetUsed[run.target + k];
                if (free && start < 0) start = k;
                if (!free && start >= 0) {
                    if (k - start > bestLength) {
                        bestLength = k - start;
                        bestStart = start;
                    }
                    start = -1;
                }
            }
            if (bestLength < seedWords) continue;
            for (int k = bestStart; k < bestStart + bestLength; k++) {
                sourceUsed[run.source + k] = true;
                targetUsed[run.target + k] = true;
            }
            kept.add(new Run(run.source + bestStart, run.target + bestStart, bestLength));
        }
        return kept;
    }
}
