package org.warctrail.extract;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns the chosen containers into paragraphs: every block element (p, li, heading, blockquote, table
 * cell, a div's loose text...) becomes a paragraph of its own, boilerplate and link lists inside the
 * article are skipped, {@code <br>} is a line break and two of them a paragraph break.
 */
final class ParagraphCollector {

    /** A block inside the article with more of its text in links than this is a link list, not prose. */
    private static final double LINK_LIST_DENSITY = 0.6;

    /** Stands for a {@code <br>} in the buffer until whitespace is normalised. */
    private static final char BR = '\u2028';

    /** An inner boilerplate block holding more than this share of the article's text is kept. */
    private static final double INNER_BOILERPLATE_SHARE = 0.5;

    private final PageTextStats stats;
    private double innerBoilerplateMax;
    private final TitleText titles;
    private final List<Paragraph> paragraphs = new ArrayList<>();
    private final StringBuilder buffer = new StringBuilder();

    /** titles: the page's titles; a heading equal to one is the headline, which is not body text. */
    ParagraphCollector(PageTextStats stats, TitleText titles) {
        this.stats = stats;
        this.titles = titles;
    }

    List<Paragraph> collect(List<Element> roots) {
        int total = 0;
        for (Element root : roots) total += stats.of(root).text;
        innerBoilerplateMax = total * INNER_BOILERPLATE_SHARE;
        for (Element root : roots) {
            if (root.normalName().equals("br")) continue;
            block(root);
        }
        return paragraphs;
    }

    private void block(Element e) {
        flush(e.parent() == null ? e : e.parent());
        if (isLinkList(e)) return;
        walk(e, e);
        flush(e);
    }

    private void walk(Element e, Element owner) {
        Node previous = null;
        for (Node node : e.childNodes()) {
            if (node instanceof TextNode t) {
                buffer.append(t.getWholeText());
                if (!t.isBlank()) previous = node;
            } else if (node instanceof Element c) {
                if (stats.isDropped(c) || isInnerBoilerplate(c)) continue;
                if (c.normalName().equals("br")) {
                    if (previous instanceof Element p && p.normalName().equals("br")) flush(owner);
                    else buffer.append(BR);
                } else if (PageTextStats.isInline(c)) {
                    walk(c, owner);
                } else if (isCell(c)) {
                    // A table row reads as one line: its cells are words apart, not paragraphs.
                    buffer.append(' ');
                    walk(c, owner);
                    buffer.append(' ');
                } else {
                    flush(owner);
                    if (!isLinkList(c)) {
                        walk(c, c);
                        flush(c);
                    }
                }
                previous = node;
            }
        }
    }

    /**
     * Inside the article, a block named or tagged as boilerplate (share bar, byline, related list, ad slot)
     * is skipped unless it holds most of the article, as a wrapper named "entry-content read-more" may.
     */
    private boolean isInnerBoilerplate(Element e) {
        // Inline elements are words of a sentence whatever their class says (a ticker link, a date span).
        if (PageTextStats.isInline(e)) return false;
        BoilerplateRules.Verdict verdict = BoilerplateRules.judge(e);
        if (verdict != BoilerplateRules.Verdict.NAMED && verdict != BoilerplateRules.Verdict.STRUCTURAL) return false;
        return stats.of(e).text < innerBoilerplateMax;
    }

    private static boolean isCell(Element e) {
        return e.normalName().equals("td") || e.normalName().equals("th");
    }

    private boolean isLinkList(Element e) {
        if (e.normalName().equals("blockquote")) return false; // an embedded post is mostly links, yet quoted text
        PageTextStats.Stats s = stats.of(e);
        return s.text > 0 && s.linkDensity() > LINK_LIST_DENSITY;
    }

    private void flush(Element owner) {
        if (buffer.isEmpty()) return;
        String text = normalise(buffer);
        buffer.setLength(0);
        if (text.isEmpty() || InterfaceText.isInterfaceLine(text)) return;
        boolean heading = ContentScorer.isHeading(owner);
        if (heading && titles.isHeadline(text)) return;
        paragraphs.add(new Paragraph(text, owner, heading));
    }

    /** Collapses whitespace runs to one space, or one line break where the run held a {@code <br>}, and trims. */
    static String normalise(CharSequence raw) {
        if (isNormal(raw)) return raw.toString();
        StringBuilder out = new StringBuilder(raw.length());
        boolean space = false;
        boolean lineBreak = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isSpace(c)) {
                space = true;
                lineBreak |= c == BR;
                continue;
            }
            if (space && !out.isEmpty()) out.append(lineBreak ? '\n' : ' ');
            space = false;
            lineBreak = false;
            out.append(c);
        }
        return out.toString();
    }

    /** Whether the text is already as {@link #normalise} leaves it (single spaces between words, none at the ends). */
    private static boolean isNormal(CharSequence raw) {
        boolean afterSpace = true; // so that a leading space is not normal
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c > ' ' && c < 0x80) {
                afterSpace = false;
                continue;
            }
            boolean space = isSpace(c);
            if (space && (c != ' ' || afterSpace)) return false;
            afterSpace = space;
        }
        return !afterSpace || raw.length() == 0;
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u00a0' || c == '\u200b';
    }
}
