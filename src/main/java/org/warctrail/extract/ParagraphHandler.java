package org.warctrail.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.tika.exception.WriteLimitReachedException;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Collects the paragraphs of Tika's XHTML output: each block element (p, headings, list items, cells, ...)
 * is a paragraph, and blank lines inside a block (plain text arrives as one block) split it further.
 * Stops the parse with {@link WriteLimitReachedException} past a character limit and with a
 * {@link SAXException} past a deadline: the deadline is checked on every SAX event, so it bounds parsers
 * that keep producing output, not one stuck without emitting any.
 */
final class ParagraphHandler extends DefaultHandler {
    private static final Set<String> BLOCKS = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td",
            "th", "dd", "dt", "blockquote", "pre", "tr", "title", "br");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");

    private final int maxChars;
    private final long deadlineNanos;
    private final List<String> paragraphs = new ArrayList<>();
    private final List<Boolean> headings = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private int depthInHead;
    private boolean heading;
    private int chars;

    ParagraphHandler(int maxChars, long deadlineNanos) {
        this.maxChars = maxChars;
        this.deadlineNanos = deadlineNanos;
    }

    List<String> paragraphs() {
        flush();
        return paragraphs;
    }

    /** Whether paragraph i came from a heading element. */
    boolean heading(int i) {
        return i < headings.size() && headings.get(i);
    }

    @Override
    public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
        checkDeadline();
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head")) depthInHead++;
        if (BLOCKS.contains(name)) {
            flush();
            heading = HEADINGS.contains(name);
        }
    }

    @Override
    public void endElement(String uri, String localName, String qName) throws SAXException {
        String name = localName.isEmpty() ? qName : localName;
        if (name.equals("head")) depthInHead--;
        if (BLOCKS.contains(name)) flush();
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        checkDeadline();
        if (depthInHead > 0) return;
        if (chars + length > maxChars) {
            current.append(ch, start, Math.max(0, maxChars - chars));
            chars = maxChars;
            throw new WriteLimitReachedException(maxChars);
        }
        current.append(ch, start, length);
        chars += length;
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        characters(ch, start, length);
    }

    private void checkDeadline() throws SAXException {
        if (System.nanoTime() - deadlineNanos > 0) throw new SAXException("time limit reached while parsing");
    }

    private void flush() {
        if (current.length() == 0) return;
        for (String block : current.toString().split("\\n\\s*\\n")) {
            String text = block.replaceAll("[\\s\\u00a0]+", " ").strip();
            if (!text.isEmpty()) {
                paragraphs.add(text);
                headings.add(heading);
            }
        }
        current.setLength(0);
    }
}
