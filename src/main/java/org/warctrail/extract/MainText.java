package org.warctrail.extract;

import java.util.List;
import java.util.stream.Collectors;

/** The main text of a page as paragraphs, in reading order. */
public record MainText(List<Paragraph> paragraphs) {
    public MainText {
        paragraphs = List.copyOf(paragraphs);
    }

    /** The paragraphs' text separated by a blank line, as {@link Document#text()} holds it. */
    public String text() {
        return paragraphs.stream().map(Paragraph::text).collect(Collectors.joining("\n\n"));
    }
}
