package org.warctrail.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Decides the {@link LinkKind} of a hyperlink from where it stands, the words in and before it, and its URL.
 * Stronger evidence goes first: adverts and share links by their markup and hosts, then the phrases of
 * {@link LinkPhrases} (continuation, syndication, image credit, attribution, citation), then a link from the
 * main text to another site's article (a citation), then same-site links outside the main text (navigation).
 */
final class LinkClassifier {
    private static final PhraseSet CONTINUATION = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::continuation));
    private static final PhraseSet SYNDICATION = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::syndication));
    private static final PhraseSet ATTRIBUTION = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::attribution));
    private static final PhraseSet IMAGE_CREDIT = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::imageCredit));
    private static final PhraseSet CITATION = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::citation));
    private static final PhraseSet ADVERT = new PhraseSet(LinkPhrases.all(LinkPhrases.Phrases::advert));
    private static final PhraseSet SOURCE_LABEL = new PhraseSet(List.of("source:", "sources:", "source", "sources"));
    private static final Pattern ADVERT_PATH = Pattern.compile(
            "(?i)/(shop|store|subscribe|subscriptions?|donate|donations?|product|products|cart|checkout|advertise|sponsored)(/|$|\\?|\\.)|[?&](add-to-cart|utm_medium=(cpc|banner|display|affiliate))");
    private static final Pattern MAIL_WITH_TEXT = Pattern.compile("(?i)[?&](subject|body)=");
    private static final Pattern PHRASE_TAIL = Pattern.compile("[\\s(:\\-–—\\[]*");
    private static final Pattern NOT_A_PROFILE = Pattern.compile("(?i)watch|status|p|posts?|video|reel|share|sharer.*");
    private static final Pattern PROFILE_SECTION = Pattern.compile("(?i)in|company|user|c|channel|people|pages|@.*");
    private static final Pattern THREE_DIGITS = Pattern.compile("\\d{3,}");
    private static final Pattern PAGE_SUFFIX = Pattern.compile("(?i)\\.(s?html?|php|aspx?|jsp)$");
    private static final Pattern DOCUMENT_PATH = Pattern.compile("(?i)\\.(pdf|docx?|odt|rtf|txt|xlsx?|csv|pptx?)$");
    /** Listing pages of a site: tags, categories, topics, sections, authors' pages. Never a source. */
    private static final Pattern LISTING_PATH = Pattern.compile(
            "(?i)/(tags?|topics?|category|categories|section|sections|subjects?|keywords?|author|authors|writers?|"
            + "contributors?|people|profiles?|staff|columnists?)(/|$|\\?)");
    /** A site's maker's credit ("Site design by", "Powered by"): not an image credit nor a source. */
    private static final Pattern MAKER_CREDIT = Pattern.compile(
            "(?i)\\b((web)?site\\s+(design(ed)?|by|built|developed)|(web\\s+)?design(ed)?\\s+by|theme\\s+by|"
            + "powered\\s+by|developed\\s+by|built\\s+(by|with)|hosted\\s+by|made\\s+by)\\b");
    /** A word of each of MAKER_CREDIT's alternatives: text with none of them is no maker's credit. */
    private static final List<String> MAKER_WORDS = List.of("site", "design", "theme", "powered", "developed", "built",
            "hosted", "made");
    private static final int LEAD_IN = 80;

    /**
     * What a link says about the page, for classification.
     *
     * @param url        the link's absolute URL
     * @param pageUrl    the URL of the page that carries it
     * @param anchorText the anchor text (alt text for an image link), title attribute appended
     * @param textBefore the text of the same block before the link
     * @param sentence   the sentence around the link
     * @param place      where the link stands
     * @param element    the link's element, or null outside HTML
     */
    public record Clues(String url, String pageUrl, String anchorText, String textBefore, String sentence,
                        LinkPlace place, Element element) {
    }

    public LinkClassifier() {
    }

    public LinkKind classify(Clues c) {
        return classify(c, null);
    }

    /** As {@link #classify(Clues)}, with the page's ancestors judged once for all its links when places is given. */
    LinkKind classify(Clues c, PagePlaces places) {
        String host = Hosts.host(c.url());
        // parsed once for the path tests below (listing, profile, article): each parse was a tenth of classification
        java.net.URI uri = uri(c.url());
        String anchor = c.anchorText() == null ? "" : c.anchorText().strip();
        String clause = clause(c.textBefore() == null ? "" : c.textBefore());
        boolean main = c.place() == LinkPlace.MAIN;
        boolean sameSite = c.pageUrl() != null && sameSiteAsPage(host, c.pageUrl());

        boolean socialHost = Hosts.matches(host, LinkPhrases.SOCIAL_HOSTS);
        if (socialHost && LinkPhrases.SHARE_PATH.matcher(c.url()).find()) return LinkKind.SOCIAL;
        if (isAdvertMarkup(c.element(), places) || Hosts.matches(host, LinkPhrases.AD_HOSTS)) return LinkKind.ADVERT;
        if (c.url().startsWith("mailto:")) {
            return MAIL_WITH_TEXT.matcher(c.url()).find() ? LinkKind.SOCIAL : LinkKind.LINK;
        }
        if (c.place() == LinkPlace.SHARE_BAR || socialHost && (!main || isProfile(uri))) return LinkKind.SOCIAL;
        if (ADVERT.find(anchor) && !CONTINUATION.find(anchor)) return LinkKind.ADVERT;
        if (!main && ADVERT_PATH.matcher(c.url()).find()) return LinkKind.ADVERT;

        // the site's own menus, teaser lists and footers are navigation whatever their words say
        if (sameSite && (c.place() == LinkPlace.NAVIGATION || c.place() == LinkPlace.SIDEBAR || c.place() == LinkPlace.FOOTER)) {
            return LinkKind.NAVIGATION;
        }
        // tag, category and author pages list articles; a maker's credit names who built the site
        boolean listing = LISTING_PATH.matcher(path(uri)).find();
        if (listing || makerCredit(clause + " " + anchor)) {
            return sameSite || c.place() == LinkPlace.NAVIGATION ? LinkKind.NAVIGATION : LinkKind.LINK;
        }
        if (CONTINUATION.find(anchor) || endsWith(clause, CONTINUATION)) return LinkKind.CONTINUATION;
        // a copy names its original elsewhere: "Originally published on Live Science" linking Live Science's own
        // front page from a Live Science page is the site's name, not a syndication source
        if (!sameSite && (SYNDICATION.find(anchor) || SYNDICATION.find(clause))) return LinkKind.SYNDICATION;
        if (c.place() != LinkPlace.FOOTER && (startsWith(anchor, IMAGE_CREDIT) || IMAGE_CREDIT.find(clause)
                || c.place() == LinkPlace.CAPTION && !sameSite)) {
            return LinkKind.IMAGE_CREDIT;
        }
        if (endsWith(clause, ATTRIBUTION) || startsWith(anchor, ATTRIBUTION)) return LinkKind.ATTRIBUTION;
        if (endsWith(clause, SOURCE_LABEL)) return LinkKind.CITATION;
        if (main) {
            String sentence = c.sentence() == null ? "" : c.sentence();
            if (CITATION.find(sentence) || CITATION.find(anchor)) return LinkKind.CITATION;
            if (!sameSite && looksLikeArticle(c.url(), uri)) return LinkKind.CITATION;
            return LinkKind.LINK;
        }
        // outside the main text, a link within the site is the site's own navigation (menus, teasers, tags)
        if (c.place() == LinkPlace.NAVIGATION || sameSite) return LinkKind.NAVIGATION;
        return LinkKind.LINK;
    }

    /**
     * The last page's URL, host and site on this thread: a page's links are classified one after another, and each
     * compares its host with the page's ({@link Hosts#sameSite}) without parsing the page's URL again.
     */
    private static final ThreadLocal<String[]> PAGE_SITE = ThreadLocal.withInitial(() -> new String[3]);

    private static boolean sameSiteAsPage(String host, String pageUrl) {
        String[] page = PAGE_SITE.get();
        if (!pageUrl.equals(page[0])) {
            page[0] = pageUrl;
            page[1] = Hosts.host(pageUrl);
            page[2] = Hosts.site(page[1]);
        }
        if (host != null && host.equals(page[1])) return true;
        String site = Hosts.site(host);
        return site != null && site.equals(page[2]);
    }

    /** The part of the text before a link that belongs to its clause: after the last sentence end, up to 80 chars. */
    private static String clause(String before) {
        String s = before.length() > 200 ? before.substring(before.length() - 200) : before;
        int cut = Sentences.sentenceStart(s, s.length());
        s = s.substring(cut);
        return s.length() > LEAD_IN ? s.substring(s.length() - LEAD_IN) : s;
    }

    /** Whether a phrase ends the text, allowing only spacing and "(", ":", "-", "–", "—" after it. */
    private static boolean endsWith(String text, PhraseSet phrases) {
        int end = phrases.lastEnd(text);
        return end >= 0 && PHRASE_TAIL.matcher(text).region(end, text.length()).matches();
    }

    private static boolean startsWith(String text, PhraseSet phrases) {
        return phrases.startEnd(text) >= 0;
    }

    /** MAKER_CREDIT, tried only on text that holds one of its words (the expression is slow on every link). */
    private static boolean makerCredit(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String word : MAKER_WORDS) {
            if (lower.contains(word)) return MAKER_CREDIT.matcher(text).find();
        }
        return false;
    }

    private static boolean isAdvertMarkup(Element a, PagePlaces places) {
        if (a == null) return false;
        String rel = a.attr("rel").toLowerCase(Locale.ROOT);
        if (rel.contains("sponsored")) return true;
        return places != null ? places.inAdContainer(a) : LinkPlaces.anyAncestorHasWord(a, LinkPlaces.AD_CONTAINER);
    }

    /** The URL parsed, or null when it does not parse. */
    private static java.net.URI uri(String url) {
        try {
            return java.net.URI.create(url);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String path(java.net.URI uri) {
        String p = uri == null ? null : uri.getRawPath();
        return p == null ? "" : p;
    }

    /** A social network profile ("twitter.com/name", "linkedin.com/in/name"), which is a follow link, not a source. */
    private static boolean isProfile(java.net.URI uri) {
        String p = withoutTrailingSlashes(path(uri));
        String[] segments = p.isEmpty() ? new String[0] : p.substring(1).split("/");
        if (segments.length == 1) return !NOT_A_PROFILE.matcher(segments[0]).matches();
        return segments.length == 2 && PROFILE_SECTION.matcher(segments[0]).matches();
    }

    /** A URL that names a page or document rather than a site's front page. */
    static boolean looksLikeArticle(String url) {
        return looksLikeArticle(url, uri(url));
    }

    private static boolean looksLikeArticle(String url, java.net.URI uri) {
        if (uri == null) return true;
        String path = uri.getRawPath();
        if (path == null) return false;
        String p = withoutTrailingSlashes(path);
        if (p.isEmpty()) return url.contains("?");
        if (DOCUMENT_PATH.matcher(p).find()) return true;
        String[] segments = p.substring(1).split("/");
        String last = segments[segments.length - 1];
        return segments.length >= 2 || THREE_DIGITS.matcher(last).find() || last.split("[-_]").length >= 3
                || PAGE_SUFFIX.matcher(last).find();
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') end--;
        return path.substring(0, end);
    }
}
