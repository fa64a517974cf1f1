package org.warctrail.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * How much readable text each element of a page holds once boilerplate is set aside, computed in a few
 * passes without touching the document: which elements are boilerplate (by {@link BoilerplateRules}),
 * and per element the text length, the part of it inside links, its own inline text (the text of a
 * paragraph, not of its block children) and the commas in that inline text. Lengths count non-space
 * characters, so markup indentation does not weigh.
 */
final class PageTextStats {

    /** Mutable while the stats are computed, read-only afterwards. */
    static final class Stats {
        int text;
        int link;
        int inline;
        int commas;
        int paragraphs;
        boolean blockChild;

        double linkDensity() {
            return text == 0 ? 0 : (double) link / text;
        }
    }

    static final Set<String> INLINE_TAGS = Set.of(
            "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
            "i", "ins", "kbd", "label", "mark", "nobr", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
            "sup", "time", "tt", "u", "var", "wbr", "br", "img");

    /** A probable-boilerplate block holding more than this share of the page text is kept. */
    private static final double KEEP_SHARE = 0.5;
    static final int PARAGRAPH_MIN = 25;

    private final Set<Element> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
    private Map<Element, Stats> stats = new IdentityHashMap<>();
    private final Element root;

    PageTextStats(Element root) {
        this.root = root;
        List<Element> probable = new ArrayList<>();
        markBoilerplate(root, probable);
        compute(root);
        int total = of(root).text;
        // Outermost first, so that a kept wrapper is judged before what it holds.
        for (Element e : probable) {
            if (hasDroppedAncestor(e)) continue;
            Stats s = of(e);
            if (total > 0 && s.text > KEEP_SHARE * total && s.paragraphs >= 1) continue;
            dropped.add(e);
        }
        stats = new IdentityHashMap<>();
        compute(root);
    }

    Element root() {
        return root;
    }

    boolean isDropped(Element e) {
        return dropped.contains(e);
    }

    /** The stats of a element that is not dropped (an empty record for one that is). */
    Stats of(Element e) {
        Stats s = stats.get(e);
        return s == null ? new Stats() : s;
    }

    static boolean isInline(Element e) {
        return INLINE_TAGS.contains(e.normalName());
    }

    private boolean hasDroppedAncestor(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (dropped.contains(p)) return true;
        }
        return false;
    }

    private void markBoilerplate(Element e, List<Element> probable) {
        // by siblings: children() builds (and caches) a list for every element of the page
        for (Element child = e.firstElementChild(); child != null; child = child.nextElementSibling()) {
            if (BoilerplateRules.neverText(child)) {
                dropped.add(child);
                continue;
            }
            switch (BoilerplateRules.judge(child)) {
                case BOILERPLATE -> {
                    dropped.add(child);
                    continue;
                }
                case STRUCTURAL -> probable.add(child);
                case NAMED -> {
                    if (!BoilerplateRules.hasPositiveName(child)) probable.add(child);
                }
                case CONTENT -> { }
            }
            markBoilerplate(child, probable);
        }
    }

    private Stats compute(Element e) {
        Stats s = new Stats();
        for (Node node : e.childNodes()) {
            if (node instanceof TextNode t) {
                String text = t.getWholeText();
                int n = nonSpace(text);
                s.text += n;
                s.inline += n;
                s.commas += commas(text);
            } else if (node instanceof Element c) {
                if (dropped.contains(c)) continue;
                Stats cs = compute(c);
                s.text += cs.text;
                s.link += cs.link;
                s.paragraphs += cs.paragraphs;
                if (isInline(c)) {
                    s.inline += cs.inline;
                    s.commas += cs.commas;
                    s.blockChild |= cs.blockChild;
                } else {
                    s.blockChild = true;
                }
            }
        }
        if (e.normalName().equals("a")) s.link = s.text;
        if (!isInline(e) && s.inline >= PARAGRAPH_MIN) s.paragraphs++;
        stats.put(e, s);
        return s;
    }

    static int nonSpace(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            // printable ASCII is never whitespace: the table lookup only for the rest
            if (c > ' ' && c < 0x80 || !Character.isWhitespace(c) && c != '\u00a0') n++;
        }
        return n;
    }

    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '\uff0c' || c == '\u3001' || c == '\u060c') n++;
        }
        return n;
    }
}
