package org.warctrail.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of a block element with whitespace collapsed as {@link Element#text()} does, and where in that
 * text each descendant element's text starts and ends, so a link can be placed in its sentence.
 */
final class BlockText {
    private static final Set<String> BREAKS = Set.of("br", "p", "div", "li", "tr", "td", "th", "h1", "h2", "h3",
            "h4", "h5", "h6", "blockquote", "figcaption", "section", "dd", "dt", "ul", "ol", "table", "pre");

    /** Start and end offsets of an element's text in the block's text. */
    record Span(int start, int end) {
    }

    private final String text;
    private final Map<Element, Span> spans;

    private BlockText(String text, Map<Element, Span> spans) {
        this.text = text;
        this.spans = spans;
    }

    static BlockText of(Element block) {
        StringBuilder sb = new StringBuilder();
        Map<Element, Integer> starts = new IdentityHashMap<>();
        Map<Element, Span> spans = new IdentityHashMap<>();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    appendCollapsed(sb, t.getWholeText());
                } else if (node instanceof Element e) {
                    if (BREAKS.contains(e.normalName()) && node != block) space(sb);
                    starts.put(e, sb.length());
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    int start = starts.getOrDefault(e, sb.length());
                    // a leading space belongs to the text before the element
                    if (start < sb.length() && sb.charAt(start) == ' ') start++;
                    int end = sb.length();
                    while (end > start && sb.charAt(end - 1) == ' ') end--;
                    spans.put(e, new Span(start, Math.max(start, end)));
                    if (BREAKS.contains(e.normalName()) && node != block) space(sb);
                }
            }
        }, block);
        // trim, shifting the spans by the leading whitespace removed
        int lead = 0;
        while (lead < sb.length() && sb.charAt(lead) == ' ') lead++;
        String text = sb.toString().strip();
        if (lead > 0) {
            for (Map.Entry<Element, Span> e : spans.entrySet()) {
                Span s = e.getValue();
                e.setValue(new Span(clamp(s.start() - lead, text.length()), clamp(s.end() - lead, text.length())));
            }
        }
        return new BlockText(text, spans);
    }

    String text() {
        return text;
    }

    /** The span of a descendant element, or null if it is not inside this block. */
    Span span(Element e) {
        Span s = spans.get(e);
        if (s == null) return null;
        return new Span(clamp(s.start(), text.length()), clamp(s.end(), text.length()));
    }

    private static int clamp(int v, int max) {
        return Math.max(0, Math.min(v, max));
    }

    private static void space(StringBuilder sb) {
        if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
    }

    private static void appendCollapsed(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c <= ' ' || c >= 0x80) && (Character.isWhitespace(c) || c == '\u00a0')) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') sb.append(' ');
            } else {
                sb.append(c);
            }
        }
    }
}
