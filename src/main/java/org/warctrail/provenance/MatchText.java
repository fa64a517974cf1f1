package org.warctrail.provenance;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A text as the matchers see it: a list of words, each normalised so that typography does not matter, and each
 * with its character span in the original text (so a match can be shown and highlighted where it stands).
 *
 * <p>Normalisation: Unicode NFKC (ligatures, full-width forms), lower case; punctuation, quotation marks of every
 * kind, dashes and whitespace (line breaks included) separate words; apostrophes inside a word are dropped
 * ("didn’t" and "didn't" are both "didnt"); a word hyphenated across a line break, as PDF text often has it
 * ("aggres-\nsively"), is joined; soft hyphens are ignored.
 */
public final class MatchText {
    private final String original;
    private final String[] words;
    private final int[] starts;
    private final int[] ends;
    private long[] wordHashes;

    private MatchText(String original, String[] words, int[] starts, int[] ends) {
        this.original = original;
        this.words = words;
        this.starts = starts;
        this.ends = ends;
    }

    public static MatchText of(String text) {
        if (text == null) text = "";
        List<String> words = new ArrayList<>();
        int[] starts = new int[16];
        int[] ends = new int[16];
        StringBuilder word = new StringBuilder();
        int n = text.length();
        int i = 0;
        int wordStart = -1;
        boolean ascii = true;
        // a word whose characters all stand together in the text (the usual case) is cut out of it instead of
        // built a character at a time; the builder takes over from the first character skipped inside a word
        boolean whole = true;
        boolean upper = false;
        while (i < n) {
            char c = text.charAt(i);
            int cp = c < Character.MIN_SURROGATE ? c : text.codePointAt(i);
            int width = Character.charCount(cp);
            if (c < 0x80 ? ASCII_WORD[c] : isWordChar(cp) || (wordStart >= 0 && isMark(cp))) {
                if (wordStart < 0) {
                    wordStart = i;
                    ascii = true;
                    whole = true;
                    upper = false;
                }
                if (!whole) word.appendCodePoint(cp);
                if (c >= 0x80) ascii = false;
                else upper |= c >= 'A' && c <= 'Z';
                i += width;
                continue;
            }
            if (wordStart >= 0) {
                int resume = goesOnAfter(text, i, cp, width);
                if (resume > 0) {
                    if (whole) word.append(text, wordStart, i);
                    whole = false;
                    i = resume;
                    continue;
                }
                if (words.size() == starts.length) {
                    starts = Arrays.copyOf(starts, starts.length * 2);
                    ends = Arrays.copyOf(ends, ends.length * 2);
                }
                starts[words.size()] = wordStart;
                ends[words.size()] = i;
                words.add(whole ? cut(text, wordStart, i, ascii, upper) : normalise(word, ascii));
                word.setLength(0);
                wordStart = -1;
            }
            i += width;
        }
        if (wordStart >= 0) {
            if (words.size() == starts.length) {
                starts = Arrays.copyOf(starts, starts.length + 1);
                ends = Arrays.copyOf(ends, ends.length + 1);
            }
            starts[words.size()] = wordStart;
            ends[words.size()] = n;
            words.add(whole ? cut(text, wordStart, n, ascii, upper) : normalise(word, ascii));
        }
        int count = words.size();
        return new MatchText(text, words.toArray(new String[0]), Arrays.copyOf(starts, count), Arrays.copyOf(ends, count));
    }

    /** Letters and digits of ASCII: {@link Character#isLetterOrDigit} without its table lookup. */
    private static final boolean[] ASCII_WORD = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) ASCII_WORD[c] = Character.isLetterOrDigit(c);
    }

    /** A word that stands whole in the text, normalised. */
    private static String cut(String text, int from, int to, boolean ascii, boolean upper) {
        String word = text.substring(from, to);
        if (!ascii) return normalise(word, false);
        return upper ? word.toLowerCase(Locale.ROOT) : word;
    }

    /**
     * Where a word goes on past a character inside it that is no part of it (a soft hyphen, an apostrophe before a
     * letter, a hyphen that ends a line before a lower-case letter), or 0 where the word ends there.
     */
    private static int goesOnAfter(String text, int at, int cp, int width) {
        if (cp == 0x00AD) return at + width; // soft hyphen: invisible, never a break
        if (isApostrophe(cp) && at + width < text.length() && isWordChar(text.codePointAt(at + width))) return at + width;
        return hyphenatedLineBreak(text, at, cp);
    }

    /** The normalised words of a text joined by single spaces: the form two texts are compared in. */
    public static String normalise(String text) {
        return of(text).normalised();
    }

    public String original() {
        return original;
    }

    public int size() {
        return words.length;
    }

    public boolean isEmpty() {
        return words.length == 0;
    }

    public String word(int index) {
        return words[index];
    }

    /** Character offset in the original text where the word starts. */
    public int start(int index) {
        return starts[index];
    }

    /** Character offset in the original text just past the word. */
    public int end(int index) {
        return ends[index];
    }

    public List<String> words() {
        return List.of(words);
    }

    public String normalised() {
        return String.join(" ", words);
    }

    /** The normalised words from index {@code from} (inclusive) to {@code to} (exclusive), joined by spaces. */
    public String normalised(int from, int to) {
        return String.join(" ", Arrays.asList(words).subList(from, to));
    }

    /** 64-bit hashes of the words, computed once. */
    public long[] wordHashes() {
        long[] hashes = wordHashes;
        if (hashes == null) {
            hashes = new long[words.length];
            for (int k = 0; k < words.length; k++) hashes[k] = Shingles.hashWord(words[k]);
            wordHashes = hashes;
        }
        return hashes;
    }

    private static boolean isWordChar(int cp) {
        return Character.isLetterOrDigit(cp);
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK
                || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == 0x2019 || cp == 0x02BC || cp == 0x2018 || cp == 0x00B4 || cp == 0x0060;
    }

    private static boolean isHyphen(int cp) {
        return cp == '-' || cp == 0x2010 || cp == 0x2011;
    }

    /**
     * If a hyphen at {@code at} ends a line and a lower-case letter starts the next, the index of that letter
     * (the word goes on there); else 0.
     */
    private static int hyphenatedLineBreak(String text, int at, int cp) {
        if (!isHyphen(cp)) return 0;
        int k = at + 1;
        int n = text.length();
        while (k < n && (text.charAt(k) == ' ' || text.charAt(k) == '\t')) k++;
        if (k >= n || (text.charAt(k) != '\n' && text.charAt(k) != '\r')) return 0;
        while (k < n && Character.isWhitespace(text.charAt(k))) k++;
        if (k >= n) return 0;
        return Character.isLowerCase(text.codePointAt(k)) ? k : 0;
    }

    private static String normalise(CharSequence word, boolean ascii) {
        if (ascii) {
            char[] chars = new char[word.length()];
            for (int k = 0; k < chars.length; k++) {
                char c = word.charAt(k);
                chars[k] = c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
            }
            return new String(chars);
        }
        return Normalizer.normalize(word, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
