package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class LinkClassifierTest {
    private static LinkKind kindOf(String bodyHtml, String hrefPart) {
        String page = "https://blog.example/2020/01/02/post/";
        Document d = new Extractor().extract(page, "text/html", ("<html><body><article>" + bodyHtml + "</article></body></html>").getBytes());
        return d.links().stream().filter(l -> l.url().contains(hrefPart)).findFirst()
                .orElseThrow(() -> new AssertionError(hrefPart + " not in " + d.links())).kind();
    }

    @Test
    void phrasesBeforeTheLink() {
        assertEquals(LinkKind.ATTRIBUTION, kindOf("<p>A long paragraph about the events of the day in the capital (via <a href=\"https://reuters.example/\">Reuters</a>)</p>", "reuters"));
        assertEquals(LinkKind.ATTRIBUTION, kindOf("<p>Some text that is long enough to be kept as main text here. h/t <a href=\"https://friend.example/\">Friend</a></p>", "friend"));
        assertEquals(LinkKind.ATTRIBUTION, kindOf("<p>This piece originally appeared in <a href=\"https://mag.example/\">The Magazine</a> last week.</p>", "mag.example"));
        assertEquals(LinkKind.SYNDICATION, kindOf("<p><em>This article was originally published on <a href=\"https://theconversation.example/a-1\">The Conversation</a>.</em></p>", "theconversation"));
        assertEquals(LinkKind.CITATION, kindOf("<p>Source: <a href=\"https://data.example/\">Data Office</a></p>", "data.example"));
        assertEquals(LinkKind.CONTINUATION, kindOf("<p><a href=\"https://paper.example/story/123\">Read the full story at Paper</a></p>", "paper.example"));
        assertEquals(LinkKind.IMAGE_CREDIT, kindOf("<figure><img src=\"/a.jpg\"><figcaption>Protesters in the square. <a href=\"https://agency.example/\">Agency</a></figcaption></figure>", "agency"));
    }

    @Test
    void citationsInTheMainText() {
        assertEquals(LinkKind.CITATION, kindOf("<p>The ministry said in a <a href=\"https://mil.example/en/news/12345\">statement</a> that the aircraft came from Iraq.</p>", "mil.example"));
        assertEquals(LinkKind.CITATION, kindOf("<p>The strike killed dozens of soldiers near the city, <a href=\"https://news.example/world/syria-strike-dozens-killed\">witnesses say</a>.</p>", "news.example"));
        assertEquals(LinkKind.LINK, kindOf("<p>We spoke to people who run <a href=\"https://shop-site.example/\">a small website</a> in the town about it.</p>", "shop-site"));
    }

    @Test
    void advertsAndSocial() {
        assertEquals(LinkKind.ADVERT, kindOf("<p>Read this long paragraph sponsored by a partner company, <a rel=\"sponsored\" href=\"https://brand.example/x\">Brand</a>.</p>", "brand"));
        assertEquals(LinkKind.ADVERT, kindOf("<div class=\"ad-slot\"><a href=\"https://thing.example/\">Thing</a></div>", "thing"));
        assertEquals(LinkKind.ADVERT, kindOf("<div><a href=\"https://pubs.example/sub\">Subscribe now and save 50%</a></div>", "pubs"));
        assertEquals(LinkKind.SOCIAL, kindOf("<div class=\"share-buttons\"><a href=\"https://api.whatsapp.com/send?text=x\">WhatsApp</a></div>", "whatsapp"));
        assertEquals(LinkKind.SOCIAL, kindOf("<div><a href=\"https://t.me/share/url?url=https://blog.example/\">Telegram</a></div>", "t.me"));
    }

    @Test
    void canonicalElsewhereIsSyndication() {
        String html = "<html><head><link rel=\"canonical\" href=\"https://origin.example/story\"><meta property=\"og:url\" content=\"https://copy.example/story?amp\"></head><body></body></html>";
        Document d = new Extractor().extract("https://copy.example/story", "text/html", html.getBytes());
        assertEquals(LinkKind.SYNDICATION, d.links().stream().filter(l -> l.url().contains("origin")).findFirst().orElseThrow().kind());
        assertEquals(LinkKind.CANONICAL, d.links().stream().filter(l -> l.url().contains("copy.example")).findFirst().orElseThrow().kind());
        assertEquals("https://origin.example/story", d.canonical());
        assertEquals(0, Jsoup.parse(html).select("a").size());
    }
}
