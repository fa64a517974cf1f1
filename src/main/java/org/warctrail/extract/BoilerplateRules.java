package org.warctrail.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Which elements of an HTML page are not article text, judged by tag, ARIA role, visibility and
 * class/id names: never text (scripts, form controls, captions), always boilerplate (comments, cookie
 * banners, hidden blocks), and boilerplate by tag or role (nav, aside, footer) or by name (share bars,
 * related lists, ads, bylines...), which callers keep when the block holds most of the text around it
 * (a whole page wrapped in a form, or an article body whose class happens to say "sidebar").
 */
final class BoilerplateRules {

    /** STRUCTURAL: by tag or role (nav, aside, footer...); NAMED: by class/id names. */
    enum Verdict { CONTENT, NAMED, STRUCTURAL, BOILERPLATE }

    private static final Set<String> NEVER_TEXT = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video",
            "audio", "map", "button", "input", "select", "textarea", "option", "head", "title", "meta", "link",
            "figcaption", "picture", "img", "source", "track", "param", "math");

    private static final Set<String> BOILERPLATE_TAGS = Set.of(
            "nav", "aside", "footer", "header", "form", "menu", "dialog", "figure", "fieldset");

    private static final Set<String> TABLE_PARTS = Set.of("tbody", "thead", "tfoot", "tr", "td", "th", "caption");

    private static final Set<String> BOILERPLATE_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
            "alertdialog", "toolbar", "tablist", "alert", "note");

    /** Class/id words of blocks that are never the article, whatever their size. */
    private static final Fragments ALWAYS = Fragments.alternation(
            "comment|disqus|cookie|consent|gdpr|onetrust|didomi");

    /** Class/id fragments distinctive enough to match anywhere in the names. */
    private static final Fragments NAMED = Fragments.alternation(
            "share|sharing|social|related|recommend|sidebar|newsletter|subscri|signup|breadcrumb|pagination"
            + "|promo|advert|sponsor|popup|outbrain|taboola|zergnet|widget|masthead|toolbar|byline|trending"
            + "|mostpopular|most-popular|most-read|readmore|read-more|also-read|see-also|caption|disclaimer"
            + "|carousel|slideshow|gallery|footer|navbar|navigation|dropdown|screen-reader|sr-only|visually-hidden"
            + "|author-bio|authorbio|about-author|author-info|tag-list|taglist|keywords|top-stories|next-post"
            + "|prev-post|table-of-contents|infobox|print-only");

    /** Class/id words too short or common to match inside other words. */
    private static final Set<String> NAMED_TOKENS = Set.of(
            "ad", "ads", "adv", "adslot", "adunit", "dfp", "gpt", "nav", "menu", "meta", "tags", "tag", "hide",
            "hidden", "none", "foot", "rss", "email", "print", "author", "authors", "date", "time", "aside", "header",
            "partner", "partners", "recirc", "more", "links", "extra", "secondary", "modal", "overlay", "banner",
            "video", "player", "credit", "credits", "rating", "bio", "login", "skip", "jump", "toc",
            "popular", "poll", "dateline", "timestamp", "signature", "contributor", "promoted", "follow",
            "tools", "utility", "utilities", "subscribe", "newsletter", "sponsored");

    /** Names of containers of the article; a block named so is not judged by its other names page-wide. */
    private static final Fragments POSITIVE = Fragments.alternation(
            "article|body|content|entry|main|post|story|text|prose|blog");

    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);

    private BoilerplateRules() {}

    static boolean neverText(Element e) {
        return NEVER_TEXT.contains(e.normalName());
    }

    static Verdict judge(Element e) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html")) return Verdict.CONTENT;
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))
                || e.hasAttr("style") && HIDDEN_STYLE.matcher(e.attr("style")).find()) {
            return Verdict.BOILERPLATE;
        }
        String names = names(e);
        boolean articleTag = tag.equals("article") || tag.equals("main") || "articleBody".equals(e.attr("itemprop"));
        if (!names.isEmpty() && ALWAYS.foundIn(names) && !articleTag) return Verdict.BOILERPLATE;
        if (BOILERPLATE_TAGS.contains(tag)) return Verdict.STRUCTURAL;
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (BOILERPLATE_ROLES.contains(role)) return Verdict.STRUCTURAL;
        if (articleTag || role.equals("main") || role.equals("article") || names.isEmpty()) return Verdict.CONTENT;
        // Rows and cells are judged with their table: their classes name data ("player-2020"), not page parts.
        if (TABLE_PARTS.contains(tag)) return Verdict.CONTENT;
        boolean named = NAMED.foundIn(names) || hasNamedToken(names);
        // An embedded post (a tweet is a blockquote) is quoted material, whatever its wrapper is called.
        if (named && !tag.equals("blockquote") && e.getElementsByTag("blockquote").isEmpty()) return Verdict.NAMED;
        return Verdict.CONTENT;
    }

    /** Whether one of the runs of [a-z0-9] in the names is one of the short words of NAMED_TOKENS. */
    private static boolean hasNamedToken(String names) {
        int n = names.length();
        for (int i = 0; i < n; ) {
            while (i < n && !isAsciiLowerOrDigit(names.charAt(i))) i++;
            int start = i;
            while (i < n && isAsciiLowerOrDigit(names.charAt(i))) i++;
            if (i > start && NAMED_TOKENS.contains(names.substring(start, i))) return true;
        }
        return false;
    }

    private static boolean isAsciiLowerOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    /** Whether the class/id names say "article container" (which outweighs other names at page level). */
    static boolean hasPositiveName(Element e) {
        String names = names(e);
        return !names.isEmpty() && POSITIVE.foundIn(names);
    }

    /** Class and id, camelCase split ("mainNav" reads "main-nav"), lower case. Runs for every element. */
    private static String names(Element e) {
        String raw = e.className() + " " + e.id();
        if (raw.isBlank()) return "";
        StringBuilder out = new StringBuilder(raw.length() + 8);
        char previous = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'A' && c <= 'Z' && (previous >= 'a' && previous <= 'z' || previous >= '0' && previous <= '9')) {
                out.append('-');
            }
            out.append(c);
            previous = c;
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
