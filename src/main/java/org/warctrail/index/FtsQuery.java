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
final class FtsQuery {
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
        return build(input, false);
    }

    /**
     * The query for the {@code documents_dense} index (see {@link DenseScriptText}): the same, with each run of
     * Chinese, Japanese, Korean or Thai letters as the phrase of its character pairs.
     */
    static String dense(String input) {
        return build(input, true);
    }

    /** The words and phrases of the query as typed (no operators, quotes or prefix stars), for snippets. */
    static List<String> terms(String input) {
        List<String> terms = new ArrayList<>();
        for (String t : input.split("\"")) {
            for (String w : t.split("\\s+")) {
                String word = w.replaceAll("^[-(]+|[)*]+$", "");
                if (!word.isEmpty() && !word.equals("OR") && !word.equals("AND") && !word.equals("NOT")) terms.add(word);
            }
        }
        // phrases first: the longest match makes the best snippet
        List<String> phrases = new ArrayList<>();
        String[] parts = input.split("\"");
        for (int k = 1; k < parts.length; k += 2) if (!parts[k].isBlank()) phrases.add(parts[k].strip());
        phrases.addAll(terms);
        return phrases;
    }

    private static String build(String input, boolean dense) {
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
            if (words > MAX_TERMS && DenseScriptText.has(input)) {
                throw new IllegalArgumentException("too many words in the search: at most " + MAX_TERMS
                        + " per query (a Chinese, Japanese, Korean or Thai character pair counts as one)");
            }
            if (prefix) prefixes++;
            if (words > MAX_TERMS) {
                throw new IllegalArgumentException("too many words in the search: at most " + MAX_TERMS + " per query");
            }
            if (prefixes > MAX_PREFIXES) {
                throw new IllegalArgumentException("too many prefix searches (word*): at most " + MAX_PREFIXES + " per query");
            }
            if (dense) {
                DenseScriptText.Phrase phrase = DenseScriptText.forQuery(term);
                // a typed star stays on a last word of another script; a dense run matches inside words anyway
                prefix = phrase.prefix() || prefix && !DenseScriptText.endsWithDense(term);
                term = phrase.text();
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

    /** How many words the tokenizer will see in a term or phrase (runs of letters and digits; dense letters by pairs). */
    private static int wordCount(String term) {
        int n = 0;
        int dense = 0;
        boolean inWord = false;
        for (int i = 0; i < term.length(); ) {
            int cp = term.codePointAt(i);
            boolean letter = Character.isLetterOrDigit(cp);
            if (DenseScriptText.isDense(cp)) {
                dense++;
                if (dense % 2 == 0) n++;
            }
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
