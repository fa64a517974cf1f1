package org.warctrail.extract;

import org.jsoup.nodes.Element;

/**
 * One paragraph of the main text.
 *
 * @param text    the paragraph's text, whitespace collapsed
 * @param element the element it was read from, in the original document
 * @param heading whether it is a heading (h1-h6)
 */
public record Paragraph(String text, Element element, boolean heading) {
}
