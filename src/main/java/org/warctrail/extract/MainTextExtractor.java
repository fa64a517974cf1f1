package org.warctrail.extract;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The article body of an HTML page, without navigation, share bars, related lists, comments, adverts,
 * footers and cookie banners; paragraphs stay paragraphs and the headline is left out (it is the
 * title, not body text). Works on the parsed document without modifying it, and is safe to share
 * between threads (it holds no state).
 */
final class MainTextExtractor {
    // parsed once: jsoup parses a query string on every select
    private static final Evaluator ARTICLE_BODY = Selector.evaluatorOf("[itemprop=articleBody]");

    /** Below this share of the JSON-LD articleBody's words, the scorer's pick is second-guessed. */
    private static final double MIN_HINT_RECALL = 0.5;
    /** A candidate holding this share of the stated body's words, and this much more F1 than the pick, wins. */
    private static final double CLOSE_RECALL = 0.8;
    private static final double CLEARLY_BETTER = 0.15;

    public MainTextExtractor() {}

    /** doc is a parsed Jsoup document; it is not modified. */
    public MainText extract(Document doc) {
        return extract(PageElements.of(doc));
    }

    MainText extract(PageElements page) {
        Document doc = page.document();
        Element body = doc.body();
        if (body == null) return new MainText(List.of());
        PageTextStats stats = new PageTextStats(body);
        TitleText titles = new TitleText(page);
        ContentScorer scorer = new ContentScorer(stats);
        List<Element> roots = scorer.pick(articleBodyElement(page, body, stats));
        if (roots.isEmpty()) roots = List.of(body);
        List<Paragraph> paragraphs = new ParagraphCollector(stats, titles).collect(roots);
        ArticleBodyHint hint = ArticleBodyHint.of(page);
        if (hint != null) paragraphs = checkedAgainst(hint, paragraphs, scorer, stats, titles);
        return new MainText(paragraphs);
    }

    /**
     * The page states its body in JSON-LD: when the pick holds little of it, or a candidate container
     * matches it clearly better (the pick took in a teaser list beside the article), use that candidate.
     */
    private static List<Paragraph> checkedAgainst(ArticleBodyHint hint, List<Paragraph> picked, ContentScorer scorer,
                                                  PageTextStats stats, TitleText titles) {
        String pickedText = new MainText(picked).text();
        double pickedF1 = hint.f1(pickedText);
        Element closest = scorer.closestTo(hint);
        if (closest == null) return picked;
        List<Paragraph> guided = new ParagraphCollector(stats, titles).collect(List.of(closest));
        String guidedText = new MainText(guided).text();
        double guidedF1 = hint.f1(guidedText);
        boolean pickMissesIt = hint.recall(pickedText) < MIN_HINT_RECALL && guidedF1 > pickedF1;
        boolean candidateFitsBetter = hint.recall(guidedText) >= CLOSE_RECALL && guidedF1 > pickedF1 + CLEARLY_BETTER;
        return pickMissesIt || candidateFitsBetter ? guided : picked;
    }

    /** The microdata articleBody with the most text, a strong hint where a page has one. */
    private static Element articleBodyElement(PageElements page, Element body, PageTextStats stats) {
        Element best = null;
        for (Element e : page.selectAny(ARTICLE_BODY)) {
            if (stats.isDropped(e) || !within(e, body)) continue;
            if (best == null || stats.of(e).text > stats.of(best).text) best = e;
        }
        return best;
    }

    private static boolean within(Element e, Element ancestor) {
        for (Element p = e; p != null; p = p.parent()) if (p == ancestor) return true;
        return false;
    }
}
