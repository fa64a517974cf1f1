package org.warctrail.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;

/**
 * A parsed page's elements in document order, listed once, and by tag. The extraction steps ask a dozen
 * questions of every page ("its links", "its meta tags", "its JSON-LD scripts"); each {@code select} walked the
 * whole tree and tried its query on every element, together a seventh of extraction. Here a question that names
 * its tags reads only those elements, and one that does not reads a flat list.
 *
 * <p>Queries are matched one element at a time without the reset jsoup's {@code select} does first, so only
 * queries without combinators ({@code "a[href]"}, {@code ".byline"}; not {@code "article time"}, whose matches
 * jsoup remembers per page) belong here. The page must not change while this is in use.
 */
final class PageElements {
    private final Document document;
    private final List<Element> all;
    private final Map<String, List<Element>> byTag = new HashMap<>();

    private PageElements(Document document) {
        this.document = document;
        this.all = document.getAllElements();
        for (Element e : all) byTag.computeIfAbsent(e.normalName(), t -> new ArrayList<>()).add(e);
    }

    static PageElements of(Document document) {
        return new PageElements(document);
    }

    Document document() {
        return document;
    }

    int size() {
        return all.size();
    }

    /** Every element, the document's own first, in document order. */
    List<Element> all() {
        return all;
    }

    /** The elements of one tag (its normal, lower-case name), in document order. */
    List<Element> tagged(String tag) {
        return byTag.getOrDefault(tag, List.of());
    }

    /** The elements of the one tag that match the query, in document order. */
    Elements select(Evaluator query, String tag) {
        Elements out = new Elements();
        for (Element e : tagged(tag)) if (query.matches(document, e)) out.add(e);
        return out;
    }

    /** The elements of any of the tags that match the query, in document order. */
    Elements select(Evaluator query, Set<String> tags) {
        Elements out = new Elements();
        for (Element e : all) if (tags.contains(e.normalName()) && query.matches(document, e)) out.add(e);
        return out;
    }

    /** Every element that matches the query, in document order: for queries that name no tag. */
    Elements selectAny(Evaluator query) {
        Elements out = new Elements();
        for (Element e : all) if (query.matches(document, e)) out.add(e);
        return out;
    }

    /** The first element of the tag that matches the query, or null. */
    Element selectFirst(Evaluator query, String tag) {
        for (Element e : tagged(tag)) if (query.matches(document, e)) return e;
        return null;
    }

    /** The first element that matches the query, or null: for queries that name no tag. */
    Element selectFirstAny(Evaluator query) {
        for (Element e : all) if (query.matches(document, e)) return e;
        return null;
    }
}
