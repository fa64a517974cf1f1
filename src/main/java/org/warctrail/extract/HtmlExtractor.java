package org.warctrail.extract;

import java.util.BitSet;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/** The Jsoup path of the {@link Extractor}: decode, parse, then main text, metadata, links and quotes. */
final class HtmlExtractor {
    /**
     * Pages with more elements than this are not extracted: real articles have a few thousand, and the main-text
     * scoring's work grows faster than the element count on deep trees of unclosed tags.
     */
    static final int MAX_ELEMENTS = 100_000;
    private final MainTextExtractor mainText = new MainTextExtractor();
    private final Outlinks outlinks = new Outlinks();
    private final QuoteFinder quotes = new QuoteFinder();

    Document extract(String url, String contentType, byte[] payload) {
        String html = CharsetDetection.decode(payload, contentType, true);
        org.jsoup.nodes.Document doc = Jsoup.parse(html, url == null ? "" : url);
        PageElements page = PageElements.of(doc);
        int elements = page.size();
        if (elements > MAX_ELEMENTS) {
            return new Document(url, contentType, null, null, null, null, null, null, null, null, null, null, null,
                    "not extracted: " + elements + " HTML elements, more than the limit of " + MAX_ELEMENTS
                            + (url == null ? "" : " (" + url + ")"));
        }
        MainText main = mainText.extract(page);
        ArticleMetadata meta = ArticleMetadata.read(page, url);
        List<Paragraph> paragraphs = main.paragraphs();
        String text = main.text();

        String title = meta.title();
        if (title == null) {
            for (Paragraph p : paragraphs) if (p.heading()) { title = p.text(); break; }
        }
        String lang = PageLanguage.reconcile(meta.lang(), PageLanguage.guess(text));
        BitSet blockquotes = new BitSet();
        for (int i = 0; i < paragraphs.size(); i++) {
            if (insideBlockquote(paragraphs.get(i).element())) blockquotes.set(i);
        }
        List<String> texts = paragraphs.stream().map(Paragraph::text).toList();
        return new Document(url, contentType, title, text.isEmpty() ? null : text, meta.published(), meta.modified(),
                meta.authors(), lang, meta.canonical(), meta.siteName(), meta.description(),
                outlinks.find(page, url, main), quotes.find(texts, blockquotes), null);
    }

    private static boolean insideBlockquote(Element e) {
        for (Element p = e; p != null; p = p.parent()) if (p.normalName().equals("blockquote")) return true;
        return false;
    }
}
