package org.warctrail.versions;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether an edit changes what the text says. Punctuation, case, spacing and hyphenation edits and
 * typo fixes (a word within a small edit distance of its old spelling) are minor; any changed number, any
 * added, removed or replaced word is substantive.
 */
final class MinorEdit {
    static final String PUNCTUATION = "punctuation";
    static final String CASE = "case";
    static final String SPELLING = "spelling";
    static final String WHITESPACE = "whitespace";
    static final String MOVED = "moved";

    private MinorEdit() {
    }

    /** Why replacing {@code from} with {@code to} is minor, or null when it is substantive. */
    static String reason(List<Token> from, List<Token> to) {
        if (!numbers(from).equals(numbers(to))) return null;
        List<String> fromWords = words(from);
        List<String> toWords = words(to);
        if (fromWords.equals(toWords)) return PUNCTUATION;
        if (lower(fromWords).equals(lower(toWords))) return CASE;
        if (letters(fromWords).equals(letters(toWords))) return SPELLING; // "e-mail" / "email", "every day" / "everyday"
        if (fromWords.size() != toWords.size()) return null;
        for (int i = 0; i < fromWords.size(); i++) {
            String f = fromWords.get(i).toLowerCase(Locale.ROOT);
            String t = toWords.get(i).toLowerCase(Locale.ROOT);
            if (!f.equals(t) && !isTypo(f, t)) return null;
        }
        return SPELLING;
    }

    /** A typo fix: both words at least 4 letters, within 1 edit (2 for words over 6 letters). */
    static boolean isTypo(String a, String b) {
        int shorter = Math.min(a.length(), b.length());
        int longer = Math.max(a.length(), b.length());
        if (shorter < 4 || !alphabetic(a) || !alphabetic(b)) return false;
        int allowed = longer > 6 ? 2 : 1;
        return longer - shorter <= allowed && editDistance(a, b, allowed) <= allowed;
    }

    /** Optimal string alignment distance (Levenshtein plus adjacent transpositions), capped at max + 1. */
    static int editDistance(String a, String b, int max) {
        int n = a.length();
        int m = b.length();
        int[] prev2 = new int[m + 1];
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) prev[j] = j;
        for (int i = 1; i <= n; i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, prev2[j - 2] + 1);
                }
                cur[j] = v;
                rowMin = Math.min(rowMin, v);
            }
            if (rowMin > max) return max + 1;
            int[] t = prev2;
            prev2 = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /** A key under which texts differing only in case, punctuation and spacing are equal. */
    static String textKey(String text) {
        if (text == null) return "";
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(n.length());
        boolean gap = false;
        for (int i = 0; i < n.length(); ) {
            int c = n.codePointAt(i);
            i += Character.charCount(c);
            if (WordTokenizer.isWordChar(c)) {
                if (gap && sb.length() > 0) sb.append(' ');
                sb.appendCodePoint(c);
                gap = false;
            } else {
                gap = true;
            }
        }
        return sb.toString();
    }

    private static List<String> numbers(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) if (t.isNumber()) out.add(t.numericValue());
        return out;
    }

    private static List<String> words(List<Token> tokens) {
        List<String> out = new ArrayList<>();
        for (Token t : tokens) if (t.isWord()) out.add(t.text());
        return out;
    }

    private static List<String> lower(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) out.add(w.toLowerCase(Locale.ROOT));
        return out;
    }

    private static String letters(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            for (int i = 0; i < w.length(); i++) {
                char c = w.charAt(i);
                if (Character.isLetterOrDigit(c)) sb.append(Character.toLowerCase(c));
            }
        }
        return sb.toString();
    }

    private static boolean alphabetic(String w) {
        for (int i = 0; i < w.length(); i++) if (!Character.isLetter(w.charAt(i))) return false;
        return true;
    }
}
