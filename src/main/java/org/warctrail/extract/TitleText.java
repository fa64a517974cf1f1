package org.warctrail.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/** The page's own titles (title element, OpenGraph, Twitter card), to tell the headline from sub-headings. */
final class TitleText {
    // parsed once: jsoup parses a query string on every select
    private static final Evaluator OG_TITLE = Selector.evaluatorOf("meta[property=og:title]");
    private static final Evaluator TWITTER_TITLE = Selector.evaluatorOf("meta[name=twitter:title]");

    private final Set<String> keys = new HashSet<>();
    private final String longest;

    TitleText(PageElements page) {
        String longestKey = "";
        for (String title : new String[] {
                page.document().title(),
                page.select(OG_TITLE, "meta").attr("content"),
                page.select(TWITTER_TITLE, "meta").attr("content")}) {
            String key = key(title);
            if (key.isEmpty()) continue;
            keys.add(key);
            if (key.length() > longestKey.length()) longestKey = key;
            // "Headline | Site" and "Headline - Site": the headline alone is a title too.
            for (String part : title.split("\\s[|\\-\u2013\u2014:\u00bb\u00b7]+\\s")) keys.add(key(part));
        }
        longest = longestKey;
        keys.remove("");
    }

    /** Whether a heading is the page's headline (its title, or most of it). */
    boolean isHeadline(String heading) {
        String key = key(heading);
        if (key.isEmpty()) return false;
        if (keys.contains(key)) return true;
        return key.length() >= 20 && longest.contains(key);
    }

    /** Lower case letters and digits, single-spaced: what two spellings of one title share. */
    static String key(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        boolean gap = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (gap && !out.isEmpty()) out.append(' ');
                gap = false;
                out.appendCodePoint(Character.toLowerCase(cp));
            } else {
                gap = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
