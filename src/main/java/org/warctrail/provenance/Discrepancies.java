package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbers, quotations and names that differ between two texts where they tell the same sentence: a pure
 * function. Sentences are aligned by their words (numbers left out); only a pair sharing at least
 * {@value #MIN_SIMILARITY} of its words, with at least {@value #MIN_WORDS} words, counts as the same sentence, so
 * what is reported is a changed figure or wording, not two different statements.
 */
public final class Discrepancies {
    static final double MIN_SIMILARITY = 0.8;
    static final int MIN_WORDS = 6;
    /** A sentence end: not after an initial ("J.") or a title ("Col."), which names often carry. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<!\\b\\p{Lu}\\.)(?<!\\b(?:Col|Gen|Mr|Mrs|Ms|Dr|"
            + "St|Lt|Sgt|Capt|Maj|Prof|Sen|Rep|Gov|No|vs)\\.)(?<=[.!?…][\"']?)\\s+(?=[\"'(]?[\\p{Lu}\\d])|\\n\\s*");
    private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'-]*");
    /** A figure with the qualifier before it and the word after it: "at least 70 soldiers", "37 tonnes". */
    private static final Pattern NUMBER = Pattern.compile("(?i:(?:at least|at most|about|around|almost|nearly|"
            + "more than|less than|fewer than|over|under|up to|some|roughly|approximately)\\s+)?"
            + "\\d+(?:[.,]\\d+)*(?:\\s*%|\\s+\\p{L}+)?");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");
    private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}'-]*(?:\\s+(?:\\p{Lu}\\.|\\p{Lu}[\\p{L}'-]*))*");

    private Discrepancies() {
    }

    /** What {@code here} says differently from {@code there}, in the order of {@code here}; thereVersion null. */
    public static List<Discrepancy> between(String here, String there) {
        List<String> theirs = sentences(there);
        List<Set<String>> theirWords = theirs.stream().map(Discrepancies::words).toList();
        Set<Discrepancy> found = new LinkedHashSet<>();
        for (String mine : sentences(here)) {
            Set<String> myWords = words(mine);
            if (myWords.size() < MIN_WORDS) continue;
            int best = -1;
            double bestSimilarity = 0;
            for (int i = 0; i < theirs.size(); i++) {
                double s = similarity(myWords, theirWords.get(i));
                if (s > bestSimilarity) {
                    best = i;
                    bestSimilarity = s;
                }
            }
            if (best < 0 || bestSimilarity < MIN_SIMILARITY || theirWords.get(best).size() < MIN_WORDS) continue;
            String other = theirs.get(best);
            if (mine.equals(other)) continue;
            found.addAll(numbers(mine, other));
            found.addAll(quotes(mine, other));
            found.addAll(names(mine, other));
        }
        return new ArrayList<>(found);
    }

    /** The sentences of a text, quotation marks made plain (“” to ", ‘’ to ') and spaces collapsed. */
    static List<String> sentences(String text) {
        String plain = text.replaceAll("[“”„‟«»]", "\"").replaceAll("[‘’‚‛]", "'").replaceAll("[ \\t\\x0B\\f\\r]+", " ");
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE_END.split(plain)) {
            if (!s.isBlank()) out.add(s.strip());
        }
        return out;
    }

    static Set<String> words(String sentence) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(sentence);
        while (m.find()) words.add(m.group().toLowerCase(Locale.ROOT));
        return words;
    }

    /** Shared words over the words of the longer sentence. */
    private static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int shared = 0;
        for (String w : a) if (b.contains(w)) shared++;
        return (double) shared / Math.max(a.size(), b.size());
    }

    /** Figures paired in order; only when both sentences have as many, else the pairing would be a guess. */
    private static List<Discrepancy> numbers(String mine, String other) {
        List<String> a = all(NUMBER, mine, 0);
        List<String> b = all(NUMBER, other, 0);
        List<Discrepancy> out = new ArrayList<>();
        if (a.size() != b.size()) return out;
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equalsIgnoreCase(b.get(i))) out.add(new Discrepancy(Discrepancy.NUMBER, a.get(i), b.get(i), null));
        }
        return out;
    }

    /** Quotations of three words or more paired by their words; reported when their words differ. */
    private static List<Discrepancy> quotes(String mine, String other) {
        List<Discrepancy> out = new ArrayList<>();
        List<String> theirs = all(QUOTED, other, 1);
        for (String q : all(QUOTED, mine, 1)) {
            List<String> qWords = wordList(q);
            if (qWords.size() < 3) continue;
            String match = null;
            double best = 0.5;
            for (String t : theirs) {
                double s = similarity(new HashSet<>(qWords), new HashSet<>(wordList(t)));
                if (s >= best) {
                    best = s;
                    match = t;
                }
            }
            if (match != null && !qWords.equals(wordList(match))) {
                out.add(new Discrepancy(Discrepancy.QUOTE, q.strip(), match.strip(), null));
            }
        }
        return out;
    }

    /**
     * Capitalised names (after the sentence's first word) that one sentence has and the other lacks; reported
     * only as a single swap (one name each side), the conservative reading of "the same sentence, another name".
     */
    private static List<Discrepancy> names(String mine, String other) {
        Set<String> a = names(mine);
        Set<String> b = names(other);
        Set<String> onlyA = new LinkedHashSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new LinkedHashSet<>(b);
        onlyB.removeAll(a);
        if (onlyA.size() != 1 || onlyB.size() != 1) return List.of();
        return List.of(new Discrepancy(Discrepancy.NAME, onlyA.iterator().next(), onlyB.iterator().next(), null));
    }

    private static Set<String> names(String sentence) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = NAME.matcher(sentence);
        while (m.find()) {
            if (m.start() == 0 || sentence.substring(0, m.start()).isBlank()) continue; // any sentence starts so
            char before = sentence.charAt(m.start() - 1);
            if (before == '"' || before == '(') continue; // the start of a quotation or aside
            names.add(m.group().replaceAll("[.'-]+$", ""));
        }
        return names;
    }

    private static List<String> wordList(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) words.add(m.group().toLowerCase(Locale.ROOT));
        return words;
    }

    private static List<String> all(Pattern pattern, String text, int group) {
        List<String> out = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) out.add(m.group(group).strip());
        return out;
    }
}
