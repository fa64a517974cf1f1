package org.warctrail.extract;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Where an element stands on a page, read from its ancestors: their tags, ARIA roles and class/id words.
 * A caption anywhere above wins (a credit stays a credit inside an article); otherwise the nearest
 * ancestor that says something decides, so a share bar inside an article is a share bar and a paragraph
 * of the main text inside a {@code <header>} is main text.
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

    private static final int MAX_CAPTION = 600;

    private LinkPlaces() {
    }

    static LinkPlace of(Element element, Set<Element> mainElements) {
        for (Element e = element; e != null; e = e.parent()) {
            LinkPlace p = headOrCaption(e);
            if (p != null) return p;
        }
        for (Element e = element; e != null; e = e.parent()) {
            LinkPlace p = region(e, mainElements);
            if (p != null) return p;
        }
        return LinkPlace.OTHER;
    }

    /** HEAD or CAPTION when the element itself says so; a caption anywhere above a link outranks its region. */
    static LinkPlace headOrCaption(Element e) {
        String tag = e.normalName();
        if (tag.equals("head")) return LinkPlace.HEAD;
        // captions are short; a long "caption" container is page layout, not a caption
        if ((tag.equals("figcaption") || tag.equals("caption") || hasWord(e, CAPTION_WORDS))
                && e.text().length() <= MAX_CAPTION) {
            return LinkPlace.CAPTION;
        }
        return null;
    }

    /** The region the element itself marks (main text, share bar, navigation, sidebar, footer), or null. */
    static LinkPlace region(Element e, Set<Element> mainElements) {
        if (mainElements.contains(e)) return LinkPlace.MAIN;
        String tag = e.normalName();
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (hasWord(e, SHARE_WORDS)) return LinkPlace.SHARE_BAR;
        if (tag.equals("nav") || tag.equals("menu") || role.equals("navigation") || role.equals("menubar")
                || role.equals("banner") || tag.equals("header") && !insideArticle(e) || hasWord(e, NAV_WORDS)) {
            return LinkPlace.NAVIGATION;
        }
        if (tag.equals("aside") || role.equals("complementary") || hasWord(e, SIDEBAR_WORDS)) return LinkPlace.SIDEBAR;
        if (tag.equals("footer") && !insideArticle(e) || role.equals("contentinfo") || hasWord(e, FOOTER_WORDS)) {
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

    /** Whether the element's class or id, split into words at non-letters, contains one of the words. */
    static boolean hasWord(Element e, Set<String> words) {
        // page-wide containers carry layout classes ("has-sidebar", "nav-open") that say nothing about a link
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html") || tag.equals("main") || tag.equals("article")) return false;
        String cls = e.attr("class"), id = e.attr("id");
        if (cls.isEmpty() && id.isEmpty()) return false;
        return namesContain(cls.toLowerCase(Locale.ROOT), words) || namesContain(id.toLowerCase(Locale.ROOT), words);
    }

    /**
     * Whether a whitespace-separated list of names holds one of the words, as a whole name or as one of its parts
     * between non-alphanumerics. Scanned by hand: this runs for every ancestor of every link.
     */
    private static boolean namesContain(String names, Set<String> words) {
        int n = names.length();
        int i = 0;
        while (i < n) {
            while (i < n && Character.isWhitespace(names.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(names.charAt(i))) i++;
            if (start == i) continue;
            if (words.contains(names.substring(start, i))) return true;
            int part = start;
            for (int j = start; j <= i; j++) {
                boolean alnum = j < i && isAsciiAlnum(names.charAt(j));
                if (!alnum) {
                    if (j > part && words.contains(names.substring(part, j))) return true;
                    part = j + 1;
                }
            }
        }
        return false;
    }

    private static boolean isAsciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Whether the element or an ancestor has one of the class/id words. */
    static boolean anyAncestorHasWord(Element element, Set<String> words) {
        for (Element e = element; e != null; e = e.parent()) if (hasWord(e, words)) return true;
        return false;
    }

    static Set<String> words(java.util.List<String> list) {
        return new HashSet<>(list);
    }
}
