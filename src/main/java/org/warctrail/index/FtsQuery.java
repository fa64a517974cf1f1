package org.warctrail.index;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a user types into an FTS5 query that never fails to parse: every word and "quoted phrase" is
 * quoted, so punctuation is literal, while {@code OR}, {@code NOT}, {@code AND}, {@code -word} and a trailing
 * {@code *} (prefix) keep their meaning.
 */
public final class FtsQuery {
    private FtsQuery() {
    }

    /** The FTS5 query, or an empty string when the input holds no searchable word. */
    public static String of(String input) {
        List<String> out = new ArrayList<>();
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

    private static boolean hasWordCharacter(String term) {
        return term.codePoints().anyMatch(Character::isLetterOrDigit);
    }
}
