package org.warctrail.index;

import java.util.ArrayList;
import java.util.List;

/**
 * A search snippet as plain text with the matched words as offsets, the form the JSON API gives (the index
 * hands the page an HTML-escaped snippet with {@code <b>} around the matches, which a script must not parse).
 *
 * @param text    the snippet, plain text
 * @param matches the matched spans, in order; offsets count UTF-16 code units, as JavaScript strings do
 */
public record SnippetText(String text, List<Match> matches) {
    /** A matched span: {@code text.substring(start, end)}. */
    public record Match(int start, int end) {
    }

    /** Reads the index's snippet: HTML-escaped text whose only elements are {@code <b>} and {@code </b>}. */
    public static SnippetText of(String html) {
        if (html == null) return new SnippetText("", List.of());
        StringBuilder text = new StringBuilder(html.length());
        List<Match> matches = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < html.length(); ) {
            if (html.startsWith("<b>", i)) {
                open = text.length();
                i += 3;
            } else if (html.startsWith("</b>", i)) {
                if (open >= 0 && text.length() > open) matches.add(new Match(open, text.length()));
                open = -1;
                i += 4;
            } else if (html.charAt(i) == '&') {
                int semi = html.indexOf(';', i);
                String entity = semi > i ? html.substring(i, semi + 1) : "";
                String decoded = switch (entity) {
                    case "&amp;" -> "&";
                    case "&lt;" -> "<";
                    case "&gt;" -> ">";
                    case "&quot;" -> "\"";
                    case "&#39;", "&apos;" -> "'";
                    default -> null;
                };
                if (decoded == null) {
                    text.append('&');
                    i++;
                } else {
                    text.append(decoded);
                    i = semi + 1;
                }
            } else {
                text.append(html.charAt(i++));
            }
        }
        return new SnippetText(text.toString(), List.copyOf(matches));
    }
}
