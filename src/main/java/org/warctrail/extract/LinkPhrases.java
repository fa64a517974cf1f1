package org.warctrail.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The words that tell what a link is, per language: the one place to extend the link classifier to another
 * language (add a {@link Phrases} for it to {@link #LANGUAGES}; the classifier tries all of them, since
 * pages quote and link across languages). Phrases are matched case-insensitively on word boundaries,
 * whitespace-tolerant ({@link PhraseSet}); a phrase ending in ":" also matches before the link without the colon's spacing.
 */
final class LinkPhrases {

    /**
     * The phrases of one language.
     *
     * @param continuation text leading into or forming a link to the rest of the article ("Continue this article at")
     * @param syndication  a copy naming its original ("This article was originally published on")
     * @param attribution  a credit to where the content came from ("via", "h/t")
     * @param imageCredit  a credit for an image ("Image Source:", "Photo:")
     * @param citation     a link given as evidence ("according to", "Source:", "said in a statement")
     * @param advert       anchor text of promotions ("subscribe", "Get your copy")
     */
    public record Phrases(List<String> continuation, List<String> syndication, List<String> attribution,
                          List<String> imageCredit, List<String> citation, List<String> advert) {
    }

    public static final Phrases ENGLISH = new Phrases(
            List.of("continue this article at", "continue this article on", "continue reading", "continue to the full article",
                    "continue to article", "read the full story", "read the full article", "read the full report",
                    "read the rest of this article", "read the rest of this story", "read the rest", "read more at",
                    "full story at", "full article at", "full story:", "full article:", "read the whole thing",
                    "read the original article", "read on at", "keep reading"),
            List.of("this article was originally published", "this article was first published", "this story was originally published",
                    "this article originally appeared", "this story originally appeared", "originally published on",
                    "originally published at", "originally published in", "originally published by", "republished from",
                    "republished with permission", "republished under a creative commons", "reprinted from",
                    "reprinted with permission", "syndicated from", "this article is republished from", "cross-posted from",
                    "crossposted from", "a version of this article appeared"),
            List.of("via", "h/t", "ht:", "hat tip", "hat-tip", "originally appeared in", "originally appeared on",
                    "originally appeared at", "first published at", "first published in", "first published on",
                    "first published by", "first appeared in", "first appeared on", "first appeared at", "courtesy of",
                    "as first reported by", "story by", "adapted from", "excerpted from", "excerpt from"),
            List.of("image source:", "image source", "image:", "images:", "photo:", "photos:", "photo by", "photograph:",
                    "photograph by", "picture:", "pictured:", "credit:", "image credit", "photo credit", "image courtesy",
                    "photo courtesy", "illustration:", "illustration by", "screenshot:", "screenshot from", "screengrab",
                    "source of image", "featured image"),
            List.of("according to", "as reported by", "reported by", "as reported in", "reported in", "source:", "sources:",
                    "said in a statement", "in a statement", "statement", "transcript", "told reporters", "briefing",
                    "report", "reports", "reported", "study", "survey", "cited", "citing", "quoted by", "published by",
                    "data from", "documents", "document", "press release", "announced", "wrote", "writes", "told",
                    "confirmed", "revealed", "investigation", "analysis", "paper", "filing", "court records", "testimony"),
            // anchor text only; words that also name news sources ("magazine", "store") are left out
            List.of("subscribe", "subscription", "buy", "buy now", "shop", "shop now", "get your copy",
                    "order now", "order your copy", "pre-order", "preorder", "on sale", "discount", "coupon",
                    "free trial", "sponsored", "advertisement", "advertise with us", "donate", "support us",
                    "become a member", "become a patron", "join now", "sign up", "back issues", "add to cart"));

    /** The languages the classifier knows. */
    public static final List<Phrases> LANGUAGES = List.of(ENGLISH);

    /** Hosts whose links are share or follow links (matched on the host and its subdomains). */
    public static final List<String> SOCIAL_HOSTS = List.of("facebook.com", "fb.com", "fb.me", "twitter.com", "x.com",
            "linkedin.com", "reddit.com", "whatsapp.com", "wa.me", "telegram.me", "t.me", "pinterest.com", "tumblr.com",
            "vk.com", "ok.ru", "instagram.com", "youtube.com", "youtu.be", "soundcloud.com", "tiktok.com", "threads.net",
            "bsky.app", "mastodon.social", "gab.com", "parler.com", "digg.com", "stumbleupon.com", "mix.com",
            "flipboard.com", "getpocket.com", "pocket.com", "plus.google.com", "weibo.com", "line.me", "xing.com",
            "addtoany.com", "addthis.com", "sharethis.com", "rumble.com", "bitchute.com", "minds.com", "truthsocial.com");

    /** URL paths of share endpoints, which make a social-host link a share link wherever it stands. */
    public static final Pattern SHARE_PATH = Pattern.compile(
            "(?i)(/sharer|/share|/intent/(tweet|post)|/shareArticle|/submit\\?|/send\\?|/pin/create|/widgets/share|sharing/share-offsite|/msg/share|[?&](u|url|text)=http)");

    /** Advertising and affiliate hosts (matched on the host and its subdomains). */
    public static final List<String> AD_HOSTS = List.of("doubleclick.net", "googlesyndication.com", "googleadservices.com",
            "adservice.google.com", "amazon-adsystem.com", "adnxs.com", "taboola.com", "outbrain.com", "revcontent.com",
            "mgid.com", "zergnet.com", "criteo.com", "criteo.net", "adform.net", "pubmatic.com", "rubiconproject.com",
            "media.net", "amzn.to", "shareasale.com", "awin1.com", "linksynergy.com", "clickbank.net", "rakuten.com",
            "skimresources.com", "skimlinks.com", "viglink.com", "ad.doubleclick.net", "adroll.com", "moatads.com");

    /** Class/id words that mark a container as advertising. */
    public static final List<String> AD_CONTAINER_WORDS = List.of("ad", "ads", "advert", "adverts", "advertisement",
            "advertising", "sponsor", "sponsored", "adsbygoogle", "dfp", "banner-ad",
            "affiliate", "commercial");

    private LinkPhrases() {
    }

    /** All languages' phrases of one kind, e.g. {@code all(Phrases::citation)}. */
    public static List<String> all(java.util.function.Function<Phrases, List<String>> kind) {
        List<String> out = new ArrayList<>();
        for (Phrases p : LANGUAGES) out.addAll(kind.apply(p));
        return out;
    }
}
