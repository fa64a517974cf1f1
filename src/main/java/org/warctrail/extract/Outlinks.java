package org.warctrail.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The links of an HTML page as {@link Link}s: hyperlinks with anchor text, sentence, place and kind; the
 * page's requisites (images, scripts, stylesheets, icons, media, frames) as {@link LinkKind#REQUISITE};
 * {@code rel=canonical} and {@code og:url} naming another URL as {@link LinkKind#CANONICAL}, or as
 * {@link LinkKind#SYNDICATION} when they name another site. Links to the page itself are left out.
 */
final class Outlinks {
    // parsed once: jsoup parses a query string on every select
    private static final Evaluator HYPERLINKS = Selector.evaluatorOf("a[href], area[href]");
    private static final Evaluator REQUISITES = Selector.evaluatorOf(
            "img[src], img[data-src], script[src], iframe[src], embed[src], video[src], "
            + "video[poster], audio[src], source[src], track[src], object[data], input[type=image][src]");
    private static final Set<String> HYPERLINK_TAGS = Set.of("a", "area");
    private static final Set<String> REQUISITE_TAGS = Set.of("img", "script", "iframe", "embed", "video", "audio",
            "source", "track", "object", "input");
    private static final Evaluator LINK_ELEMENTS = Selector.evaluatorOf("link[href][rel]");
    private static final Evaluator OG_URL = Selector.evaluatorOf("meta[property=og:url][content]");
    private static final Evaluator IMG_ALT = Selector.evaluatorOf("img[alt]");
    private static final Set<String> BLOCKS = Set.of("p", "li", "td", "th", "dd", "dt", "figcaption", "caption",
            "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "div", "section", "article", "aside", "header",
            "footer", "nav", "figure", "pre", "address", "form", "table", "ul", "ol", "body");
    private static final Set<String> REQUISITE_RELS = Set.of("stylesheet", "icon", "shortcut", "apple-touch-icon",
            "apple-touch-icon-precomposed", "preload", "mask-icon", "manifest", "modulepreload", "prefetch");

    private final LinkClassifier classifier = new LinkClassifier();

    List<Link> find(org.jsoup.nodes.Document doc, String pageUrl, MainText main) {
        return find(PageElements.of(doc), pageUrl, main);
    }

    List<Link> find(PageElements page, String pageUrl, MainText main) {
        org.jsoup.nodes.Document doc = page.document();
        Set<Element> mainElements = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Paragraph p : main.paragraphs()) if (p.element() != null) mainElements.add(p.element());
        Map<Element, BlockText> blocks = new IdentityHashMap<>();
        String self = withoutFragment(pageUrl);
        Set<Link> out = new LinkedHashSet<>();
        UrlResolver resolver = new UrlResolver(doc.baseUri());
        PagePlaces places = new PagePlaces(mainElements);

        for (Element a : page.select(HYPERLINKS, HYPERLINK_TAGS)) {
            String url = absolute(resolver, a, "href");
            if (url == null || url.equals(self)) continue;
            LinkPlace place = places.of(a);
            String anchor = anchorText(a);
            Element block = block(a, mainElements);
            BlockText bt = blocks.computeIfAbsent(block, BlockText::of);
            BlockText.Span span = bt.span(a);
            String before = span == null ? "" : bt.text().substring(0, span.start());
            String sentence = span == null ? "" : Sentences.around(bt.text(), span.start(), span.end());
            String title = a.attr("title").strip();
            String clueText = title.isEmpty() || anchor.contains(title) ? anchor : anchor + " " + title;
            LinkKind kind = classifier.classify(new LinkClassifier.Clues(url, pageUrl, clueText, before, sentence, place, a), places);
            out.add(new Link(url, anchor, sentence, kind, place));
        }

        for (Element e : page.select(REQUISITES, REQUISITE_TAGS)) {
            for (String attr : List.of("src", "data-src", "poster", "data")) {
                if (!e.hasAttr(attr) || attr.equals("data") && !e.normalName().equals("object")) continue;
                String url = absolute(resolver, e, attr);
                if (url != null) {
                    String text = e.normalName().equals("img") ? e.attr("alt").strip() : "";
                    out.add(new Link(url, text, "", LinkKind.REQUISITE, places.of(e)));
                }
            }
        }
        for (Element l : page.select(LINK_ELEMENTS, "link")) {
            String url = absolute(resolver, l, "href");
            if (url == null) continue;
            Set<String> rels = Set.of(l.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+"));
            if (rels.contains("canonical")) {
                if (!url.equals(self)) out.add(new Link(url, "", "", canonicalKind(url, pageUrl), LinkPlace.HEAD));
            } else if (!Collections.disjoint(rels, REQUISITE_RELS)) {
                out.add(new Link(url, "", "", LinkKind.REQUISITE, LinkPlace.HEAD));
            }
        }
        Element ogUrl = page.selectFirst(OG_URL, "meta");
        if (ogUrl != null) {
            String url = absolute(resolver, ogUrl, "content");
            if (url != null && !url.equals(self) && out.stream().noneMatch(l -> l.url().equals(url) && l.place() == LinkPlace.HEAD)) {
                out.add(new Link(url, "", "", canonicalKind(url, pageUrl), LinkPlace.HEAD));
            }
        }
        return new ArrayList<>(out);
    }

    private static LinkKind canonicalKind(String url, String pageUrl) {
        // a page read from a file has no site to compare with
        return Hosts.host(pageUrl) == null || Hosts.sameSite(url, pageUrl) ? LinkKind.CANONICAL : LinkKind.SYNDICATION;
    }

    /** The anchor text, or the alt text of the image(s) it wraps when it has none. */
    static String anchorText(Element a) {
        String text = a.text().strip();
        if (!text.isEmpty()) return text;
        StringBuilder alt = new StringBuilder();
        for (Element img : a.select(IMG_ALT)) {
            if (alt.length() > 0) alt.append(' ');
            alt.append(img.attr("alt").strip());
        }
        if (alt.length() == 0 && !a.attr("aria-label").isBlank()) return a.attr("aria-label").strip();
        return alt.toString().strip();
    }

    /** The block the link's sentence is read from: its main-text paragraph, else its nearest block ancestor. */
    private static Element block(Element a, Set<Element> mainElements) {
        for (Element e = a.parent(); e != null; e = e.parent()) if (mainElements.contains(e)) return e;
        for (Element e = a.parent(); e != null; e = e.parent()) if (BLOCKS.contains(e.normalName())) return e;
        return a.ownerDocument() != null ? a.ownerDocument().body() : a;
    }

    /** An absolute http(s) or mailto URL without fragment, or null for script:, data:, tel: and the like. */
    static String absolute(UrlResolver resolver, Element e, String attr) {
        String value = e.attr(attr);
        String raw = value.strip();
        if (raw.isEmpty() || raw.startsWith("#")) return null;
        if (startsWithAsciiIgnoreCase(raw, "mailto:")) return raw;
        String abs = resolver.resolve(value);
        if (!startsWithAsciiIgnoreCase(abs, "http://") && !startsWithAsciiIgnoreCase(abs, "https://")) return null;
        return withoutFragment(abs);
    }

    /**
     * Whether the text starts with the lower-case ASCII prefix, ignoring ASCII case: what lower-casing the whole
     * text and testing the prefix says (no other character lower-cases to ASCII "mailto:" or "http://"), without
     * copying every href.
     */
    static boolean startsWithAsciiIgnoreCase(String text, String lowerPrefix) {
        if (text.length() < lowerPrefix.length()) return false;
        for (int i = 0; i < lowerPrefix.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') c = (char) (c + ('a' - 'A'));
            if (c != lowerPrefix.charAt(i)) return false;
        }
        return true;
    }

    static String withoutFragment(String url) {
        if (url == null) return null;
        int hash = url.indexOf('#');
        return hash < 0 ? url : url.substring(0, hash);
    }
}
