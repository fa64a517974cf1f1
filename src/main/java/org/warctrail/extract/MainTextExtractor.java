package org.warctrail.extract;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The article body of an HTML page, without navigation, share bars, related lists, comments, adverts,
 * footers and cookie banners; paragraphs stay paragraphs and the headline is left out (it is the
 * title, not body text). Works on the parsed document without modifying it, and is safe to share
 * between threads (it holds no state).
 */
public final class MainTextExtractor {

    public MainTextExtractor() {}

    /** doc is a parsed Jsoup document; it is not modified. */
    public MainText extract(Document doc) {
        Element body = doc.body();
        if (body == null) return new MainText(List.of());
        PageTextStats stats = new PageTextStats(body);
        TitleText titles = new TitleText(doc);
        ContentScorer scorer = new ContentScorer(stats);
        List<Element> roots = scorer.pick(articleBodyElement(body, stats));
        if (roots.isEmpty()) roots = List.of(body);
        List<Paragraph> paragraphs = new ParagraphCollector(stats, titles).collect(roots);
        return new MainText(paragraphs);
    }

    /** The microdata articleBody with the most text, a strong hint where a page has one. */
    private static Element articleBodyElement(Element body, PageTextStats stats) {
        Element best = null;
        for (Element e : body.select("[itemprop=articleBody]")) {
            if (stats.isDropped(e)) continue;
            if (best == null || stats.of(e).text > stats.of(best).text) best = e;
        }
        return best;
    }
}
