package org.warctrail.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Which elements of an HTML page are not article text, judged by tag, ARIA role, visibility and
 * class/id names. Three strengths: never text (scripts, forms controls, captions), always
 * boilerplate (comments, cookie banners, hidden blocks), and probably boilerplate (navigation,
 * share bars, related lists, ads...), which the caller keeps when the block holds most of the page's text
 * (a whole page wrapped in a form, or an article body whose class happens to say "share").
 */
final class BoilerplateRules {

    enum Verdict { CONTENT, PROBABLY_BOILERPLATE, BOILERPLATE }

    private static final Set<String> NEVER_TEXT = Set.of(
            "script", "style", "noscript", "template", "svg", "canvas", "iframe", "object", "embed", "video",
            "audio", "map", "button", "input", "select", "textarea", "option", "head", "title", "meta", "link",
            "figcaption", "picture", "img", "source", "track", "param", "math");

    private static final Set<String> BOILERPLATE_TAGS = Set.of(
            "nav", "aside", "footer", "header", "form", "menu", "dialog", "figure", "fieldset");

    private static final Set<String> BOILERPLATE_ROLES = Set.of(
            "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
            "alertdialog", "toolbar", "tablist", "alert", "note");

    /** Class/id words of blocks that are never the article, whatever their size. */
    private static final Pattern ALWAYS = Pattern.compile(
            "comment|disqus|cookie|consent|gdpr|onetrust|didomi|cmp-");

    /** Class/id fragments of blocks that are usually not the article. */
    private static final Pattern USUALLY = Pattern.compile(
            "share|sharing|social|related|recommend|sidebar|side-bar|footer|newsletter|subscri|signup|sign-up"
            + "|promo|advert|sponsor|breadcrumb|pagination|pager|popup|pop-up|modal|overlay|outbrain|taboola"
            + "|zergnet|widget|masthead|toolbar|skip-|author-bio|authorbio|author-info|about-author|byline"
            + "|more-stories|most-popular|mostpopular|most-read|trending|read-more|readmore|also-read"
            + "|see-also|login|paywall|caption|credit|disclaimer|rating|visually-hidden|visuallyhidden|sr-only"
            + "|screen-reader|screenreader|post-meta|entry-meta|article-meta|meta-info|top-stories|next-post"
            + "|prev-post|navigation|navbar|submenu|dropdown|header|tag-list|taglist|tags|keywords|follow-us"
            + "|banner|carousel|slideshow|gallery|video|player|timestamp|dateline|print-only|hidden-print"
            + "|jump-link|jumplink|toc-|table-of-contents|signature|contributor|bio-box|infobox|poll");

    /** Class/id tokens (split on space, '-', '_') that are short enough to need whole-word matching. */
    private static final Set<String> USUALLY_TOKENS = Set.of(
            "ad", "ads", "adv", "advert", "adslot", "adunit", "dfp", "gpt", "nav", "menu", "meta", "tags", "tag",
            "hide", "hidden", "d-none", "foot", "rss", "email", "print", "author", "date", "time", "aside",
            "sponsored", "partner", "partners", "related", "recirc", "more", "extra", "secondary", "links");

    private static final Pattern HIDDEN_STYLE = Pattern.compile(
            "display\\s*:\\s*none|visibility\\s*:\\s*hidden", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN_SPLIT = Pattern.compile("[\\s_-]+");

    private BoilerplateRules() {}

    static boolean neverText(Element e) {
        return NEVER_TEXT.contains(e.normalName());
    }

    static Verdict judge(Element e) {
        String tag = e.normalName();
        if (tag.equals("body") || tag.equals("html")) return Verdict.CONTENT;
        if (e.hasAttr("hidden") || "true".equalsIgnoreCase(e.attr("aria-hidden"))
                || HIDDEN_STYLE.matcher(e.attr("style")).find()) {
            return Verdict.BOILERPLATE;
        }
        String names = (e.className() + " " + e.id()).toLowerCase(Locale.ROOT);
        boolean articleTag = tag.equals("article") || tag.equals("main") || "articleBody".equals(e.attr("itemprop"));
        if (!names.isBlank() && ALWAYS.matcher(names).find() && !articleTag) return Verdict.BOILERPLATE;
        if (BOILERPLATE_TAGS.contains(tag)) return Verdict.PROBABLY_BOILERPLATE;
        String role = e.attr("role").toLowerCase(Locale.ROOT);
        if (BOILERPLATE_ROLES.contains(role)) return Verdict.PROBABLY_BOILERPLATE;
        if (articleTag || role.equals("main") || role.equals("article")) return Verdict.CONTENT;
        if (names.isBlank()) return Verdict.CONTENT;
        if (USUALLY.matcher(names).find()) return Verdict.PROBABLY_BOILERPLATE;
        for (String token : TOKEN_SPLIT.split(names)) {
            if (USUALLY_TOKENS.contains(token)) return Verdict.PROBABLY_BOILERPLATE;
        }
        return Verdict.CONTENT;
    }
}
