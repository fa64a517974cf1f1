package org.warctrail.extract;

import java.util.Set;

/**
 * Sentence bounds in a paragraph: a sentence ends at '.', '!' or '?' (and closing quotes or brackets after
 * it) followed by a space, except after a known abbreviation or an initial ("Col. John J. Thomas").
 */
final class Sentences {
    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "col", "gen", "lt", "sgt",
            "capt", "maj", "cmdr", "adm", "sen", "rep", "gov", "pres", "st", "jr", "sr", "inc", "co", "corp", "ltd", "vs",
            "etc", "e.g", "i.e", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "u.s", "u.k", "u.n", "fig", "approx", "dept", "est", "gov't", "rev", "hon", "mt", "ft", "op", "vol");
    private static final int MAX = 400;

    private Sentences() {
    }

    /** The sentence of {@code text} containing [start, end), cut to about 400 characters around it. */
    static String around(String text, int start, int end) {
        int from = sentenceStart(text, start);
        int to = sentenceEnd(text, Math.max(start, end));
        if (to - from > MAX) {
            from = Math.max(from, start - MAX / 2);
            to = Math.min(to, Math.max(end, from) + MAX / 2);
        }
        return text.substring(from, to).strip();
    }

    /** Offset where the sentence containing {@code pos} starts. */
    static int sentenceStart(String text, int pos) {
        for (int i = Math.min(pos, text.length()) - 1; i > 0; i--) {
            if (Character.isWhitespace(text.charAt(i)) && endsSentence(text, i)) return i + 1;
        }
        return 0;
    }

    /** Offset just after the end of the sentence containing {@code pos}. */
    static int sentenceEnd(String text, int pos) {
        for (int i = Math.max(pos, 0); i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i)) && i > pos && endsSentence(text, i)) return i;
        }
        return text.length();
    }

    /** Whether the whitespace at {@code space} follows the end of a sentence. */
    private static boolean endsSentence(String text, int space) {
        int j = space - 1;
        while (j >= 0 && closes(text.charAt(j))) j--;
        if (j < 0) return false;
        char c = text.charAt(j);
        if (c == '!' || c == '?') return true;
        if (c != '.') return false;
        int w = j - 1;
        while (w >= 0 && !Character.isWhitespace(text.charAt(w)) && "(\"“".indexOf(text.charAt(w)) < 0) w--;
        String word = text.substring(w + 1, j).toLowerCase(java.util.Locale.ROOT);
        if (word.length() == 1 && Character.isLetter(word.charAt(0))) return false; // an initial
        return !ABBREVIATIONS.contains(word);
    }

    /** A closing quote or bracket, which may follow a sentence's end (tested at every space: no string search). */
    private static boolean closes(char c) {
        return c < 128 ? c == '"' || c == '\'' || c == ')' || c == ']' : c == '”' || c == '’' || c == '»';
    }
}
