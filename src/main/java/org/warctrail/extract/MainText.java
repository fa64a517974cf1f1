package org.warctrail.extract;

import java.util.List;
import java.util.stream.Collectors;

/** The article body of an HTML page, as paragraphs in reading order. */
record MainText(List<Paragraph> paragraphs) {

    public MainText {
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    }

    /** The paragraphs joined by a blank line ("\n\n"), the form {@link Document#text()} stores. */
    public String text() {
        return paragraphs.stream().map(Paragraph::text).collect(Collectors.joining("\n\n"));
    }

    public boolean isEmpty() {
        return paragraphs.isEmpty();
    }
}
