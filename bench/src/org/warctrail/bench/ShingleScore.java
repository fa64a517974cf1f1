package org.warctrail.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction-benchmark metric for one page: tokens are {@code \w+} runs (Python's Unicode
 * {@code \w}: letters, digits, underscore; case kept), each text becomes the multiset of its 4-token
 * shingles, and TP/FP/FN are the multiset overlaps normalised by TP+FP+FN so that every page weighs
 * the same. Averaging over pages is {@link ScoreTotals}' job.
 */
public record ShingleScore(double truePositive, double falsePositive, double falseNegative,
                           boolean emptyPrediction, boolean emptyTruth) {

    /** Python's str {@code \w} is [\p{L}\p{N}_]; Java's UNICODE_CHARACTER_CLASS \w also takes combining marks. */
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}_]+");
    private static final int SHINGLE = 4;

    public static ShingleScore of(String truth, String prediction) {
        Map<List<String>, Integer> expected = shingles(truth);
        Map<List<String>, Integer> predicted = shingles(prediction);
        long tp = 0, fp = 0, fn = 0;
        for (Map.Entry<List<String>, Integer> e : predicted.entrySet()) {
            int inTruth = expected.getOrDefault(e.getKey(), 0);
            tp += Math.min(inTruth, e.getValue());
            fp += Math.max(0, e.getValue() - inTruth);
        }
        for (Map.Entry<List<String>, Integer> e : expected.entrySet()) {
            fn += Math.max(0, e.getValue() - predicted.getOrDefault(e.getKey(), 0));
        }
        double sum = tp + fp + fn;
        double norm = sum == 0 ? 1 : sum;
        return new ShingleScore(tp / norm, fp / norm, fn / norm, predicted.isEmpty(), expected.isEmpty());
    }

    /** Precision of this page; an empty prediction of a non-empty truth scores 0. */
    public double precision() {
        if (emptyPrediction) return emptyTruth ? 1 : 0;
        return truePositive / (truePositive + falsePositive);
    }

    /** Recall of this page; an empty prediction of a non-empty truth scores 0. */
    public double recall() {
        if (emptyTruth) return 1;
        if (emptyPrediction) return 0;
        return truePositive / (truePositive + falseNegative);
    }

    public double f1() {
        return harmonicMean(precision(), recall());
    }

    public static double harmonicMean(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = tokens(text);
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + SHINGLE <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + SHINGLE)), 1, Integer::sum);
        }
        return counts;
    }
}
