package org.warctrail.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.jsoup.nodes.Element;

/**
 * Where each link of one page stands ({@link LinkPlace}), read from its ancestors by {@link LinkPlaces}: a caption
 * anywhere above wins (a credit stays a credit inside an article); otherwise the nearest ancestor that says something
 * decides. Each ancestor is judged once, and its class and id words read once, for all the page's links: they share
 * their ancestors (a page's hundreds of links sit under a few dozen containers).
 */
final class PagePlaces {
    /** Stands for "this element and its ancestors say nothing" in the memos (which cannot hold null). */
    private static final Object NOTHING = new Object();

    private final Set<Element> mainElements;
    private final Map<Element, Object> headOrCaption = new IdentityHashMap<>();
    private final Map<Element, Object> region = new IdentityHashMap<>();
    private final Map<Element, Object> adContainer = new IdentityHashMap<>();
    /** Each element's class and id words read once ({@link LinkPlaces#marks}) for the three verdicts above. */
    private final Map<Element, Integer> marks = new IdentityHashMap<>();

    PagePlaces(Set<Element> mainElements) {
        this.mainElements = mainElements;
    }

    LinkPlace of(Element element) {
        Object p = nearest(element, headOrCaption, e -> LinkPlaces.headOrCaption(e, marksOf(e)));
        if (p == NOTHING) p = nearest(element, region, e -> LinkPlaces.region(e, marksOf(e), mainElements));
        return p == NOTHING ? LinkPlace.OTHER : (LinkPlace) p;
    }

    /** Whether the element or an ancestor has one of the advert container words ({@link LinkPlaces#anyAncestorHasWord}). */
    boolean inAdContainer(Element element) {
        return nearest(element, adContainer, e -> (marksOf(e) & LinkPlaces.AD_CONTAINER) != 0 ? Boolean.TRUE : null)
                == Boolean.TRUE;
    }

    private int marksOf(Element e) {
        return marks.computeIfAbsent(e, LinkPlaces::marks);
    }

    /**
     * The verdict of the element or of its nearest ancestor that has one, or NOTHING. Iterative, and each element
     * on the way up remembered: pages of unclosed tags nest thousands deep.
     */
    private static Object nearest(Element element, Map<Element, Object> memo, Function<Element, Object> own) {
        List<Element> path = new ArrayList<>();
        Object found = NOTHING;
        for (Element e = element; e != null; e = e.parent()) {
            Object known = memo.get(e);
            if (known != null) {
                found = known;
                break;
            }
            path.add(e);
        }
        // from the top down, each element takes its own verdict or the one above it
        for (int i = path.size() - 1; i >= 0; i--) {
            Element e = path.get(i);
            Object mine = own.apply(e);
            if (mine != null) found = mine;
            memo.put(e, found);
        }
        return found;
    }
}
