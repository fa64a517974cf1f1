package org.warctrail.extract;

import java.util.ArrayList;
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
        for (int i = from; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            Matcher m = at(text, i);
            if (m != null) return m;
            i += Character.charCount(cp);
        }
        return null;
    }

    /** The phrase that matches at {@code i}, where a word begins; null when none does. */
    private Matcher at(CharSequence text, int i) {
        if (i >= text.length()) return null;
        Pattern p = byFirst.get(fold(Character.codePointAt(text, i)));
        if (p == null || i > 0 && isWordChar(Character.codePointBefore(text, i))) return null;
        Matcher m = p.matcher(text).region(i, text.length()).useTransparentBounds(true);
        return m.lookingAt() ? m : null;
    }

    private static boolean isWordChar(int cp) {
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
