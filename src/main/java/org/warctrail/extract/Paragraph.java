package org.warctrail.extract;

import org.jsoup.nodes.Element;

/**
 * One paragraph of the main text. {@code element} is the element of the original (unmodified) document
 * the text came from, so a link inside it is known to stand in the main text; {@code heading} marks
 * h1-h6 sub-headings of the article.
 */
record Paragraph(String text, Element element, boolean heading) {}
