package org.warctrail.extract;

import java.util.List;

/**
 * What the extractor makes of one payload. Dates are ISO 8601 strings (a date, or a date-time with offset)
 * or null. {@code text} is the main text with paragraphs separated by a blank line ("\n\n"), empty (never null)
 * when the payload holds none; lists are never null.
 * {@code error} is non-null when parsing failed; the other fields then hold what could be read.
 */
public record Document(
        String url,
        String contentType,
        String title,
        String text,
        String published,
        String modified,
        List<String> authors,
        String lang,
        String canonical,
        String siteName,
        String description,
        List<Link> links,
        List<Quote> quotes,
        String error) {

    public Document {
        text = text == null ? "" : text;
        authors = authors == null ? List.of() : List.copyOf(authors);
        links = links == null ? List.of() : List.copyOf(links);
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }

    /** The paragraphs of the main text. */
    public List<String> paragraphs() {
        if (text.isBlank()) return List.of();
        return List.of(text.split("\n\n"));
    }
}
