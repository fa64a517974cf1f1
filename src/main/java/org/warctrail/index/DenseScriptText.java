package org.warctrail.index;

import java.util.List;
import java.util.Locale;

/**
 * Text of scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar) and of
 * Korean (whose words carry their particles), made searchable inside a run: FTS5's unicode61 tokenizer takes a
 * whole run of such letters as one word, so {@code 不正に改造} was found only as that exact run.
 *
 * <p>For the {@code documents_dense} index each run becomes its overlapping character pairs followed by its last
 * character ({@code 不正に改造} → {@code 不正 正に に改 改造 造}); other words stay as they are. A query's run becomes
 * the phrase of its pairs, which holds exactly where the run appears inside a longer one; a one-character run
 * becomes a prefix ({@code 改*}), which every occurrence of the character begins. Lucene's CJK bigram filter
 * works this way; it keeps bm25 ranking (over pairs) where a trigram index would need three characters.
 */
final class DenseScriptText {
    private DenseScriptText() {
    }

    /** Whether the text holds a letter of a script written without spaces between words (or Korean). */
    static boolean has(String text) {
        if (text == null) return false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isDense(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean isDense(int cp) {
        if (cp < 0x0E00) return false;
        if (cp == 0x30FC || cp == 0xFF70 || cp == 0x3005) return true; // ー, ｰ and 々 are "common" script marks
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return switch (script) {
            case HAN, HIRAGANA, KATAKANA, HANGUL, THAI, LAO, KHMER, MYANMAR, BOPOMOFO -> true;
            default -> false;
        };
    }

    /** The text as the dense index holds it: each run as its pairs and its last character, the rest unchanged. */
    static String forIndex(String text) {
        return text == null ? null : transform(text, false).text();
    }

    /** A phrase for the dense index: its tokens, and whether its last one is a prefix. */
    record Phrase(String text, boolean prefix) {
    }

    /** A query term or quoted phrase as a dense-index phrase (see the class comment). */
    static Phrase forQuery(String term) {
        return transform(term, true);
    }

    private static Phrase transform(String s, boolean query) {
        StringBuilder out = new StringBuilder(s.length() * 3);
        boolean prefix = false;
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (!isDense(cp)) {
                out.appendCodePoint(cp);
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && isDense(s.codePointAt(i))) i += Character.charCount(s.codePointAt(i));
            int[] run = s.substring(start, i).codePoints().toArray();
            boolean more = query && followedByWord(s, i);
            out.append(' ');
            if (run.length == 1) {
                out.appendCodePoint(run[0]);
                prefix = query && !more;
            } else {
                for (int k = 0; k + 1 < run.length; k++) {
                    out.appendCodePoint(run[k]).appendCodePoint(run[k + 1]).append(' ');
                }
                // the last character ends the run in the index; a query asks for it only when the run ends there
                if (!query || more) out.appendCodePoint(run[run.length - 1]);
                prefix = false;
            }
            out.append(' ');
        }
        return new Phrase(out.toString().replaceAll(" {2,}", " ").strip(), prefix);
    }

    private static boolean followedByWord(String s, int from) {
        for (int i = from; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) return true;
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Whether the last letter or digit of the text is of a dense script. */
    static boolean endsWithDense(String s) {
        for (int i = s.length(); i > 0; ) {
            int cp = s.codePointBefore(i);
            if (Character.isLetterOrDigit(cp)) return isDense(cp);
            i -= Character.charCount(cp);
        }
        return false;
    }

    /**
     * A snippet of the text around the first of the needles it contains (case-insensitive), with the match between
     * {@code open} and {@code close}; the start of the text when none is found.
     */
    static String snippet(String text, List<String> needles, String open, String close) {
        if (text == null || text.isEmpty()) return "";
        String lower = text.toLowerCase(Locale.ROOT);
        int at = -1;
        int length = 0;
        for (String needle : needles) {
            String n = needle.toLowerCase(Locale.ROOT);
            if (n.isEmpty() || lower.length() != text.length()) continue;
            int found = lower.indexOf(n);
            if (found >= 0 && (at < 0 || found < at)) {
                at = found;
                length = n.length();
            }
        }
        if (at < 0) return text.length() <= 120 ? text : text.substring(0, 120) + "…";
        int from = Math.max(0, at - 40);
        int to = Math.min(text.length(), at + length + 80);
        return (from > 0 ? "…" : "") + text.substring(from, at) + open + text.substring(at, at + length) + close
                + text.substring(at + length, to) + (to < text.length() ? "…" : "");
    }
}
