package org.warctrail.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What one element says about the place of the links inside it, from its tag, ARIA role and class/id words;
 * {@link PagePlaces} asks it of a link's ancestors, so a share bar inside an article is a share bar and a
 * paragraph of the main text inside a {@code <header>} is main text.
 */
final class LinkPlaces {
    private static final Set<String> CAPTION_WORDS = Set.of("caption", "figcaption", "credit", "credits", "imagecredit",
            "photocredit", "wp-caption-text", "image-credit", "photo-credit", "media-credit");
    private static final Set<String> SHARE_WORDS = Set.of("share", "shares", "sharing", "social", "sharedaddy",
            "addthis", "addtoany", "a2a", "sharethis", "shariff", "socials", "social-links", "follow", "sociallinks");
    private static final Set<String> NAV_WORDS = Set.of("nav", "navbar", "navigation", "menu", "menubar", "breadcrumb",
            "breadcrumbs", "topbar", "masthead", "pagination", "pager", "tabs", "toc", "skip", "submenu", "megamenu");
    private static final Set<String> SIDEBAR_WORDS = Set.of("sidebar", "side", "widget", "widgets", "aside", "rail",
            "related", "recommended", "popular", "trending", "most-read", "mostread", "secondary", "outbrain", "taboola");
    private static final Set<String> FOOTER_WORDS = Set.of("footer", "colophon", "copyright", "site-info", "bottom");

    // One bit per word list: an element's class and id words are read once into the bits of the lists they hit.
    static final int CAPTION = 1, SHARE = 2, NAV = 4, SIDEBAR = 8, FOOTER = 16, AD_CONTAINER = 32;
    private static final Map<String, Integer> WORD_BITS = wordBits();

    private static final int MAX_CAPTION = 600;

    private LinkPlaces() {
    }

    /**
     * HEAD or CAPTION when the element itself says so (given its {@link #marks}); a caption anywhere above a link
     * outranks its region.
     */
    static LinkPlace headOrCaption(Element e, int marks) {
        String tag = e.normalName();
        if (tag.equals("head")) return LinkPlace.HEAD;
        // captions are short; a long "caption" container is page layout, not a caption
        if ((tag.equals("figcaption") || tag.equals("caption") || (marks & CAPTION) != 0)
                && e.text().length() <= MAX_CAPTION) {
            return LinkPlace.CAPTION;
        }
        return null;
    }

    /** The region the element itself marks (main text, share bar, navigation, sidebar, footer), or null. */
    static LinkPlace region(Element e, int marks, Set<Element> mainElements) {
        if (mainElements.contains(e)) return LinkPlace.MAIN;
        String tag = e.normalName();
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if ((marks & SHARE) != 0) return LinkPlace.SHARE_BAR;
        if (tag.equals("nav") || tag.equals("menu") || role.equals("navigation") || role.equals("menubar")
                || role.equals("banner") || tag.equals("header") && !insideArticle(e) || (marks & NAV) != 0) {
            return LinkPlace.NAVIGATION;
        }
        if (tag.equals("aside") || role.equals("complementary") || (marks & SIDEBAR) != 0) return LinkPlace.SIDEBAR;
        if (tag.equals("footer") && !insideArticle(e) || role.equals("contentinfo") || (marks & FOOTER) != 0) {
            return LinkPlace.FOOTER;
        }
        return null;
    }

    private static boolean insideArticle(Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p.normalName().equals("article") || p.normalName().equals("main")) return true;
        }
        return false;
    }

    /**
     * The word lists (bits {@link #CAPTION} … {@link #AD_CONTAINER}) that the element's class or id words hit, a word
     * being a whole class or id name or one of its parts between non-alphanumerics ("wp-caption-text" hits with the
     * whole name, "article-sidebar" with its part "sidebar").
     */
    static int marks(Element e) {
        // page-wide containers carry layout classes ("has-sidebar", "nav-open") that say nothing about a link
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) return 0;
        String cls = e.attr("class"), id = e.attr("id");
        if (cls.isEmpty() && id.isEmpty()) return 0;
        return namesMarks(cls.toLowerCase(Locale.ROOT)) | namesMarks(id.toLowerCase(Locale.ROOT));
    }

    /** The word-list bits of a whitespace-separated list of names. Scanned by hand: it runs for most elements. */
    private static int namesMarks(String names) {
        int n = names.length();
        int bits = 0;
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(names.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(names.charAt(i))) i++;
            if (start == i) continue;
            bits |= WORD_BITS.getOrDefault(names.substring(start, i), 0);
            int part = start;
            for (int j = start; j <= i; j++) {
                boolean alnum = j < i && isAsciiAlnum(names.charAt(j));
                if (!alnum) {
                    // a part that is the whole name was looked up above
                    if (j > part && (part > start || j < i)) bits |= WORD_BITS.getOrDefault(names.substring(part, j), 0);
                    part = j + 1;
                }
            }
        }
        return bits;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Whether the element or an ancestor has a class/id word of the given list. */
    static boolean anyAncestorHasWord(Element element, int list) {
        for (Element e = element; e != null; e = e.parent()) if ((marks(e) & list) != 0) return true;
        return false;
    }

    private static Map<String, Integer> wordBits() {
        Map<String, Integer> bits = new HashMap<>();
        for (String w : CAPTION_WORDS) bits.merge(w, CAPTION, (x, y) -> x | y);
        for (String w : SHARE_WORDS) bits.merge(w, SHARE, (x, y) -> x | y);
        for (String w : NAV_WORDS) bits.merge(w, NAV, (x, y) -> x | y);
        for (String w : SIDEBAR_WORDS) bits.merge(w, SIDEBAR, (x, y) -> x | y);
        for (String w : FOOTER_WORDS) bits.merge(w, FOOTER, (x, y) -> x | y);
        for (String w : LinkPhrases.AD_CONTAINER_WORDS) bits.merge(w, AD_CONTAINER, (x, y) -> x | y);
        return Map.copyOf(bits);
    }
}
