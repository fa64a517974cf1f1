package org.warctrail.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Finds the article text of a page: the paragraphs, headings, list items and blockquotes outside
 * navigation, asides, footers and forms, and not made mostly of links.
 */
public final class MainTextExtractor {
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "li", "pre");
    private static final Set<String> BOILERPLATE = Set.of("nav", "aside", "footer", "header", "form", "menu",
            "script", "style", "noscript", "figcaption", "button", "select");

    public MainTextExtractor() {
    }

    public MainText extract(org.jsoup.nodes.Document doc) {
        List<Paragraph> paragraphs = new ArrayList<>();
        if (doc.body() == null) return new MainText(paragraphs);
        for (Element e : doc.body().getAllElements()) {
            if (!BLOCKS.contains(e.normalName()) || insideBlock(e) || insideBoilerplate(e)) continue;
            String text = e.text().strip();
            if (text.isEmpty() || linkDensity(e, text) > 0.5) continue;
            boolean heading = e.normalName().matches("h[1-6]");
            paragraphs.add(new Paragraph(text, e, heading));
        }
        return new MainText(paragraphs);
    }

    private static boolean insideBlock(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (BLOCKS.contains(p.normalName()) && !p.normalName().equals("blockquote")) return true;
            if (p.normalName().equals("blockquote") && !e.normalName().equals("p")) return true;
        }
        return blockquoteHoldsParagraphs(e);
    }

    // A blockquote made of <p>s is read paragraph by paragraph.
    private static boolean blockquoteHoldsParagraphs(Element e) {
        return e.normalName().equals("blockquote") && !e.select("p").isEmpty();
    }

    private static boolean insideBoilerplate(Element e) {
        for (Element p = e; p != null && p != e.ownerDocument().body(); p = p.parent()) {
            if (BOILERPLATE.contains(p.normalName())) return true;
            String cls = (p.className() + " " + p.id()).toLowerCase();
            if (cls.matches(".*\\b(menu|nav|sidebar|footer|share|sharing|social|promo|advert|widget|caption)\\b.*")) return true;
        }
        return false;
    }

    private static double linkDensity(Element e, String text) {
        int linked = 0;
        for (Element a : e.select("a")) linked += a.text().length();
        return (double) linked / Math.max(1, text.length());
    }
}
