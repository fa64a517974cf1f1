package org.warctrail.versions;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words, numbers and single punctuation marks. Apostrophes and hyphens inside a word keep
 * it whole ("don't", "e-mail"); commas and dots between digits keep a number whole ("1,000", "3.5").
 */
final class WordTokenizer {
    private WordTokenizer() {
    }

    static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        int i = 0;
        int spaceStart = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (isSpace(c)) {
                i += Character.charCount(c);
                continue;
            }
            String space = i > spaceStart ? " " : "";
            int start = i;
            if (isWordChar(c)) {
                i = wordEnd(text, i);
                String word = text.substring(start, i);
                out.add(new Token(word, space, isNumber(word) ? Token.Type.NUMBER : Token.Type.WORD));
            } else {
                i += Character.charCount(c);
                out.add(new Token(text.substring(start, i), space, Token.Type.PUNCTUATION));
            }
            spaceStart = i;
        }
        return out;
    }

    /** Counts the tokens {@link #tokens} would return, without building them. */
    static int count(String text) {
        int count = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            int c = text.codePointAt(i);
            if (isSpace(c)) {
                i += Character.charCount(c);
            } else if (isWordChar(c)) {
                i = wordEnd(text, i);
                count++;
            } else {
                i += Character.charCount(c);
                count++;
            }
        }
        return count;
    }

    private static int wordEnd(String text, int i) {
        int n = text.length();
        int prev = text.codePointAt(i);
        i += Character.charCount(prev);
        while (i < n) {
            int c = text.codePointAt(i);
            if (isWordChar(c)) {
                prev = c;
                i += Character.charCount(c);
                continue;
            }
            int next = i + Character.charCount(c) < n ? text.codePointAt(i + Character.charCount(c)) : -1;
            boolean joins = next >= 0 && isWordChar(next) && switch (c) {
                case '\'', '\u2019', '-', '\u2010', '\u2011' -> true;
                case '.', ',' -> Character.isDigit(prev) && Character.isDigit(next);
                default -> false;
            };
            if (!joins) break;
            prev = c;
            i += Character.charCount(c);
        }
        return i;
    }

    private static boolean isSpace(int c) {
        if (c < 128) return c == ' ' || (c >= 9 && c <= 13);
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    static boolean isWordChar(int c) {
        if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isNumber(String word) {
        boolean digit = false;
        for (int i = 0; i < word.length(); i++) {
            char ch = word.charAt(i);
            if (Character.isDigit(ch)) digit = true;
            else if (ch != ',' && ch != '.') return false;
        }
        return digit;
    }

    /** Joins tokens back into text, keeping a single space where the source had whitespace. */
    static String join(List<Token> tokens) {
        StringBuilder sb = new StringBuilder();
        for (Token t : tokens) sb.append(t.space()).append(t.text());
        return sb.toString();
    }
}
