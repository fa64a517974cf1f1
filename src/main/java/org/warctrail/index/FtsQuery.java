package org.warctrail.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a user types into an FTS5 query that never fails to parse: every word and "quoted phrase" is
 * quoted, so punctuation is literal, while {@code OR}, {@code NOT}, {@code AND}, {@code -word} and a trailing
 * {@code *} (prefix) keep their meaning. A query holds at most {@value #MAX_TERMS} words and {@value #MAX_PREFIXES}
 * prefixes: each word is an index lookup and each prefix a scan of every indexed word it begins, so a query of
 * thousands of them would hold a reader for seconds.
 */
public final class FtsQuery {
    static final int MAX_TERMS = 32;
    static final int MAX_PREFIXES = 4;
    private FtsQuery() {
    }

    /**
     * The FTS5 query, or an empty string when the input holds no searchable word.
     *
     * @throws IllegalArgumentException when the query holds more words or prefixes than allowed (it says so)
     */
    public static String of(String input) {
        List<String> out = new ArrayList<>();
        int words = 0;
        int prefixes = 0;
        String pendingOperator = null;
        int i = 0;
        int n = input.length();
        while (i < n) {
            char ch = input.charAt(i);
            if (Character.isWhitespace(ch) || ch == '(' || ch == ')') {
                i++;
                continue;
            }
            boolean negated = false;
            if (ch == '-' && i + 1 < n && !Character.isWhitespace(input.charAt(i + 1))) {
                negated = true;
                ch = input.charAt(++i);
            }
            String term;
            boolean prefix = false;
            if (ch == '"') {
                int close = input.indexOf('"', i + 1);
                if (close < 0) close = n;
                term = input.substring(i + 1, close);
                i = Math.min(n, close + 1);
            } else {
                int end = i;
                while (end < n && !Character.isWhitespace(input.charAt(end)) && input.charAt(end) != '"'
                        && input.charAt(end) != '(' && input.charAt(end) != ')') end++;
                term = input.substring(i, end);
                i = end;
                if (!negated && (term.equals("OR") || term.equals("AND") || term.equals("NOT"))) {
                    if (!out.isEmpty()) pendingOperator = term;
                    continue;
                }
                if (term.endsWith("*")) {
                    term = term.replaceAll("\\*+$", "");
                    prefix = true;
                }
            }
            if (!hasWordCharacter(term)) continue;
            words += wordCount(term);
            if (prefix) prefixes++;
            if (words > MAX_TERMS) {
                throw new IllegalArgumentException("too many words in the search: at most " + MAX_TERMS + " per query");
            }
            if (prefixes > MAX_PREFIXES) {
                throw new IllegalArgumentException("too many prefix searches (word*): at most " + MAX_PREFIXES + " per query");
            }
            String quoted = "\"" + term.replace("\"", "\"\"") + "\"" + (prefix ? "*" : "");
            if (negated) {
                if (out.isEmpty()) continue; // FTS5's NOT needs something to subtract from
                pendingOperator = "NOT";
            }
            if (!out.isEmpty()) out.add(pendingOperator == null ? "AND" : pendingOperator);
            out.add(quoted);
            pendingOperator = null;
        }
        return String.join(" ", out);
    }

    /** How many words the tokenizer will see in a term or phrase (runs of letters and digits). */
    private static int wordCount(String term) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < term.length(); ) {
            int cp = term.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(cp);
            if (letter && !inWord) n++;
            inWord = letter;
            i += Character.charCount(cp);
        }
        return n;
    }

    private static boolean hasWordCharacter(String term) {
        return term.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
