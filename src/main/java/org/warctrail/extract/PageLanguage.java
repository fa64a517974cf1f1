package org.warctrail.extract;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The language of a page: what it declares ({@code <html lang>}, Content-Language, {@code og:locale}),
 * else a guess from its text by counting common function words. The guess covers a dozen European
 * languages; it answers null rather than guess from too little text.
 */
final class PageLanguage {
    // parsed once: jsoup parses a query string on every select
    private static final Evaluator HTML = Selector.evaluatorOf("html");
    // The 12-15 commonest short function words per language; distinctive enough to outvote each other.
    private static final Map<String, Set<String>> FUNCTION_WORDS = Map.ofEntries(
            Map.entry("en", Set.of("the", "and", "of", "to", "is", "that", "in", "it", "was", "for", "with", "on", "are", "this", "by")),
            Map.entry("de", Set.of("der", "die", "und", "das", "ist", "nicht", "ein", "eine", "zu", "den", "mit", "sich", "auf", "für", "dem")),
            Map.entry("fr", Set.of("le", "la", "les", "et", "des", "est", "une", "du", "que", "pour", "dans", "qui", "pas", "sur", "au")),
            Map.entry("es", Set.of("el", "la", "los", "las", "y", "que", "es", "del", "en", "por", "una", "para", "con", "se", "su")),
            Map.entry("it", Set.of("il", "la", "di", "che", "e", "è", "per", "un", "una", "non", "sono", "della", "del", "con", "gli")),
            Map.entry("pt", Set.of("o", "a", "os", "as", "de", "que", "não", "do", "da", "em", "uma", "para", "com", "é", "um")),
            Map.entry("nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "met", "voor", "ook", "die")),
            Map.entry("sv", Set.of("och", "att", "det", "som", "en", "är", "på", "för", "med", "av", "inte", "till", "har", "den", "ett")),
            Map.entry("pl", Set.of("i", "w", "nie", "na", "się", "jest", "że", "z", "do", "to", "jak", "co", "dla", "oraz", "przez")),
            Map.entry("ru", Set.of("и", "в", "не", "на", "что", "с", "по", "это", "как", "он", "из", "за", "для", "то", "же")),
            Map.entry("uk", Set.of("і", "в", "не", "на", "що", "з", "та", "це", "як", "до", "у", "для", "від", "й", "його")));

    private PageLanguage() {
    }

    /** The language the page declares, or null. */
    public static String declared(org.jsoup.nodes.Document doc) {
        Element html = doc.selectFirst(HTML);
        String lang = html == null ? null : normalize(html.attr("lang"));
        if (lang == null && html != null) lang = normalize(html.attr("xml:lang"));
        if (lang != null) return lang;
        for (String q : List.of("meta[http-equiv~=(?i)content-language]", "meta[name~=(?i)^(language|dc\\.language|dcterms\\.language)$]",
                "meta[property=og:locale]")) {
            Element e = doc.selectFirst(q);
            if (e != null && (lang = normalize(e.attr("content"))) != null) return lang;
        }
        return null;
    }

    /** A BCP 47 tag ("en", "en-US") for a declared value such as "en_US", "EN-us" or "en, fr"; null if none. */
    public static String normalize(String raw) {
        if (raw == null) return null;
        String s = raw.strip().split("[,;\\s]")[0].replace('_', '-');
        if (!s.matches("(?i)[a-z]{2,3}(-[a-z0-9]{2,8})*")) return null;
        String tag = Locale.forLanguageTag(s).toLanguageTag();
        return tag.equals("und") ? null : tag;
    }

    /**
     * The page's language from what it declares and what its text reads as: the declaration, unless the text
     * clearly reads as another language (templates copied between sites keep {@code <html lang="de">} on English
     * pages). Either may be null.
     */
    public static String reconcile(String declared, String guessed) {
        if (declared == null) return guessed;
        if (guessed == null) return declared;
        String primary = declared.split("-")[0].toLowerCase(Locale.ROOT);
        return primary.equals(guessed) ? declared : guessed;
    }

    /** Each function word and the languages it belongs to, as indexes into {@link #LANGUAGES}. */
    private static final String[] LANGUAGES = FUNCTION_WORDS.keySet().toArray(String[]::new);
    private static final Map<String, int[]> LANGUAGES_OF = new HashMap<>();
    private static final int LONGEST_WORD;
    /**
     * The function words written in ASCII, each packed a byte per letter into a long, in an open-addressed table:
     * most words of most texts are ASCII, and are looked up without a String made and lower-cased for each.
     */
    private static final int ASCII_TABLE_SIZE = 1024;
    private static final long[] ASCII_KEYS = new long[ASCII_TABLE_SIZE];
    private static final int[][] ASCII_LANGUAGES = new int[ASCII_TABLE_SIZE][];
    /** Longer ASCII words are no function word: the packing holds eight letters. */
    private static final int LONGEST_ASCII_WORD;

    static {
        int longest = 0;
        for (int l = 0; l < LANGUAGES.length; l++) {
            for (String w : FUNCTION_WORDS.get(LANGUAGES[l])) {
                int[] before = LANGUAGES_OF.getOrDefault(w, new int[0]);
                int[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = l;
                LANGUAGES_OF.put(w, after);
                longest = Math.max(longest, w.length());
            }
        }
        LONGEST_WORD = longest;
        int longestAscii = 0;
        for (Map.Entry<String, int[]> e : LANGUAGES_OF.entrySet()) {
            String w = e.getKey();
            if (!w.chars().allMatch(c -> c >= 'a' && c <= 'z')) continue;
            longestAscii = Math.max(longestAscii, w.length());
            long key = 0;
            for (int k = 0; k < w.length(); k++) key = key << 8 | w.charAt(k);
            int slot = slot(key);
            while (ASCII_KEYS[slot] != 0) slot = (slot + 1) & (ASCII_TABLE_SIZE - 1);
            ASCII_KEYS[slot] = key;
            ASCII_LANGUAGES[slot] = e.getValue();
        }
        if (longestAscii > 8) throw new IllegalStateException("an ASCII function word longer than 8 letters");
        LONGEST_ASCII_WORD = longestAscii;
    }

    private static int slot(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 54) & (ASCII_TABLE_SIZE - 1);
    }

    /** The languages of the ASCII function word packed in the key (lower case, a byte per letter), or null. */
    private static int[] asciiLanguages(long key) {
        for (int slot = slot(key); ASCII_KEYS[slot] != 0; slot = (slot + 1) & (ASCII_TABLE_SIZE - 1)) {
            if (ASCII_KEYS[slot] == key) return ASCII_LANGUAGES[slot];
        }
        return null;
    }

    /**
     * The language whose function words the text uses most, or null for too little text or no clear winner.
     * Reads the first 2,000 words (runs of letters) in one pass, with one table probe per short word.
     */
    public static String guess(String text) {
        if (text == null) return null;
        int[] counts = new int[LANGUAGES.length];
        int words = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 128 ? !isAsciiLetter(c) : !Character.isLetter(text.codePointAt(i))) {
                i += c < 128 ? 1 : Character.charCount(text.codePointAt(i));
                continue;
            }
            int start = i;
            // an ASCII word is packed as it is read; a word with any other letter is looked up as a lower-cased String
            long key = 0;
            boolean ascii = true;
            while (i < n) {
                c = text.charAt(i);
                if (c < 128) {
                    if (!isAsciiLetter(c)) break;
                    key = key << 8 | (c | 0x20);
                    i++;
                } else {
                    int cp = text.codePointAt(i);
                    if (!Character.isLetter(cp)) break;
                    ascii = false;
                    i += Character.charCount(cp);
                }
            }
            if (++words > 2000) break;
            int[] languages;
            if (ascii) {
                languages = i - start <= LONGEST_ASCII_WORD ? asciiLanguages(key) : null;
            } else {
                // lower case can lengthen a word ("\u0130"), so only words far longer than any function word are skipped
                if (i - start > 2 * LONGEST_WORD) continue;
                languages = LANGUAGES_OF.get(text.substring(start, i).toLowerCase(Locale.ROOT));
            }
            if (languages != null) for (int l : languages) counts[l]++;
        }
        if (words < 20) return null;
        Map<String, Integer> score = new HashMap<>();
        for (int l = 0; l < LANGUAGES.length; l++) if (counts[l] > 0) score.put(LANGUAGES[l], counts[l]);
        String best = null;
        int top = 0, second = 0;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (e.getValue() > top) { second = top; top = e.getValue(); best = e.getKey(); }
            else if (e.getValue() > second) second = e.getValue();
        }
        // at least 10% function words and a clear lead over the runner-up
        return top * 10 >= words && top >= second * 1.3 ? best : null;
    }

    private static boolean isAsciiLetter(char c) {
        return (char) ((c | 0x20) - 'a') < 26;
    }
}
