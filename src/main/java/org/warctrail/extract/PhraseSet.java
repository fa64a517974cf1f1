package org.warctrail.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrases found in text as whole words, case-insensitively, tolerant of spacing ("read  the Rest" finds "read the
 * rest"); a phrase ending in ":" also matches when a word follows the colon at once.
 *
 * <p>One regular expression of all the phrases, tried at every character, cost a third of all extraction time on
 * pages with many links. A match can only begin where a word begins, with a character that begins some phrase, so
 * only such places are tried, each with the expression of the phrases that begin with that character (in their
 * order): the same matches, at a fraction of the cost.
 */
final class PhraseSet {
    /** The phrases by their first character, case-folded. */
    private final Map<Integer, Pattern> byFirst;
    /** The same for ASCII characters, upper and lower case alike: looked up at every word of every text. */
    private final Pattern[] byAscii = new Pattern[128];
    /**
     * Hashes ({@link #runHash}) of the lower-cased ASCII letters and digits each phrase begins with, sorted: a phrase can
     * match only where the text's run of ASCII letters and digits is its own (after it, the phrase and so the text
     * go on with spacing, a mark or the end of a word), so most words fail here without a matcher made for them.
     * The run of a text that goes on with a character outside ASCII is no evidence (under Unicode case folding
     * "ſ" is an "s"): the expression decides. So it does for phrases that begin with a mark ({@link #unfiltered}).
     */
    private final long[] runs;
    private final boolean[] unfiltered = new boolean[128];

    PhraseSet(List<String> phrases) {
        Map<Integer, List<String>> grouped = new LinkedHashMap<>();
        for (String phrase : phrases) {
            String p = phrase.strip();
            if (p.isEmpty()) throw new IllegalArgumentException("an empty phrase in " + phrases);
            grouped.computeIfAbsent(fold(p.codePointAt(0)), k -> new ArrayList<>()).add(p);
        }
        Map<Integer, Pattern> patterns = new HashMap<>();
        grouped.forEach((first, group) -> patterns.put(first, pattern(group)));
        this.byFirst = Map.copyOf(patterns);
        for (int c = 0; c < byAscii.length; c++) byAscii[c] = byFirst.get(fold(c));
        List<Long> hashes = new ArrayList<>();
        for (String phrase : phrases) {
            String p = phrase.strip();
            char first = p.charAt(0);
            if (first >= 128) continue; // its matches begin outside ASCII: looked up in byFirst, never filtered
            if (!isAsciiLetterOrDigit(first)) {
                unfiltered[Character.toLowerCase(first)] = unfiltered[Character.toUpperCase(first)] = true;
                continue;
            }
            hashes.add(runHash(p, 0, runEnd(p, 0)));
        }
        this.runs = hashes.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
    }

    /** Whether any phrase occurs in the text. */
    boolean find(CharSequence text) {
        return next(text, 0) != null;
    }

    /** The end of the phrase that begins the text, or -1 when none does. */
    int startEnd(CharSequence text) {
        Matcher m = at(text, 0);
        return m == null ? -1 : m.end();
    }

    /** The end of the last phrase in the text (matches taken left to right, not overlapping), or -1 when none. */
    int lastEnd(CharSequence text) {
        int end = -1;
        for (Matcher m = next(text, 0); m != null; m = next(text, m.end())) end = m.end();
        return end;
    }

    /** The first match at or after {@code from}. */
    private Matcher next(CharSequence text, int from) {
        int n = text.length();
        boolean afterWord = from > 0 && isWordChar(Character.codePointBefore(text, from));
        for (int i = from; i < n; ) {
            char c = text.charAt(i);
            if (c < 128) {
                if (!afterWord) {
                    Matcher m = match(text, i, c);
                    if (m != null) return m;
                }
                afterWord = isAsciiLetterOrDigit(c);
                i++;
                continue;
            }
            int cp = Character.codePointAt(text, i);
            if (!afterWord) {
                Matcher m = match(text, i, cp);
                if (m != null) return m;
            }
            afterWord = isWordChar(cp);
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The phrase that matches at {@code i}, where a word begins; null when none does. */
    private Matcher at(CharSequence text, int i) {
        if (i >= text.length() || i > 0 && isWordChar(Character.codePointBefore(text, i))) return null;
        return match(text, i, Character.codePointAt(text, i));
    }

    /** The phrase that matches at {@code i}, whose character is {@code cp}, if any begins with it. */
    private Matcher match(CharSequence text, int i, int cp) {
        Pattern p = cp < byAscii.length ? byAscii[cp] : byFirst.get(fold(cp));
        if (p == null) return null;
        if (cp < byAscii.length && !unfiltered[cp]) {
            int end = runEnd(text, i);
            if ((end == text.length() || text.charAt(end) < 128) && Arrays.binarySearch(runs, runHash(text, i, end)) < 0) return null;
        }
        Matcher m = p.matcher(text).region(i, text.length()).useTransparentBounds(true);
        return m.lookingAt() ? m : null;
    }

    /** The end of the run of ASCII letters and digits that starts at {@code i}. */
    private static int runEnd(CharSequence text, int i) {
        int end = i;
        while (end < text.length() && text.charAt(end) < 128 && isAsciiLetterOrDigit(text.charAt(end))) end++;
        return end;
    }

    /** FNV-1a of the lower-cased characters: equal runs hash alike; a rare collision only costs the expression. */
    private static long runHash(CharSequence text, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int k = from; k < to; k++) h = (h ^ (text.charAt(k) | 0x20)) * 0x100000001b3L;
        return h;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    private static boolean isWordChar(int cp) {
        if (cp < 128) return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        return Character.isLetter(cp) || Character.isDigit(cp) || Character.getType(cp) == Character.LETTER_NUMBER
                || Character.getType(cp) == Character.OTHER_NUMBER;
    }

    /** The case-folded character, as the expressions' unicode case-insensitivity compares characters. */
    private static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** The phrases as one expression, tried where a word begins: words apart by any spacing, ending a word. */
    private static Pattern pattern(List<String> phrases) {
        StringBuilder re = new StringBuilder("(?iu)(?:");
        for (int i = 0; i < phrases.size(); i++) {
            if (i > 0) re.append('|');
            String[] words = phrases.get(i).split("\\s+");
            for (int w = 0; w < words.length; w++) {
                if (w > 0) re.append("\\s+");
                re.append(Pattern.quote(words[w]));
            }
        }
        // a phrase ending in a word must end on a word boundary; one ending in ':' already does
        return Pattern.compile(re.append(")(?:(?<=:)|(?![\\p{L}\\p{N}]))").toString());
    }
}
