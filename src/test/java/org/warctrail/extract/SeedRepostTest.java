package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The motivating case: a blog repost of an RT article (written like shared/seed/seed-article.txt). */
class SeedRepostTest {
    static final String URL = "https://21stcenturywire.example/2016/09/20/revealed-russia-contacted-us-twice/";
    static Document doc;

    @BeforeAll
    static void extract() throws IOException {
        doc = new Extractor().extract(URL, "text/html; charset=utf-8", resource("repost.html"));
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SeedRepostTest.class.getResourceAsStream("/extract/" + name)) {
            return in.readAllBytes();
        }
    }

    private static Link link(String urlPart) {
        return doc.links().stream().filter(l -> l.url().contains(urlPart) && l.kind() != LinkKind.REQUISITE)
                .findFirst().orElseThrow(() -> new AssertionError("no link to " + urlPart + " in " + doc.links()));
    }

    @Test
    void continuationToRt() {
        Link rt = link("rt.example");
        assertEquals(LinkKind.CONTINUATION, rt.kind());
        assertEquals("RT", rt.text());
        assertTrue(rt.context().contains("Continue this article at RT"), rt.context());
    }

    @Test
    void imageCreditInCaption() {
        Link credit = link("dailyrecord.example");
        assertEquals(LinkKind.IMAGE_CREDIT, credit.kind());
        assertEquals(LinkPlace.CAPTION, credit.place());
        assertEquals("US airstrike in Syria (Image Source: Daily Record)", credit.context());
    }

    @Test
    void transcriptIsACitationInTheMainText() {
        Link transcript = link("defense.example");
        assertEquals(LinkKind.CITATION, transcript.kind());
        assertEquals(LinkPlace.MAIN, transcript.place());
        assertTrue(transcript.context().startsWith("Col. John J. Thomas, a spokesman"), transcript.context());
    }

    @Test
    void menuShareAndPromoLinks() {
        Link menu = link("/category/news/");
        assertEquals(LinkKind.NAVIGATION, menu.kind());
        assertEquals(LinkPlace.NAVIGATION, menu.place());
        assertEquals(LinkKind.SOCIAL, link("facebook.com/21stCenturyWire").kind());
        Link share = link("facebook.com/sharer");
        assertEquals(LinkKind.SOCIAL, share.kind());
        assertEquals(LinkPlace.SHARE_BAR, share.place());
        assertEquals(LinkKind.SOCIAL, link("twitter.com/intent").kind());
        assertEquals(LinkKind.SOCIAL, doc.links().stream().filter(l -> l.url().startsWith("mailto:")).findFirst().orElseThrow().kind());
        Link promo = link("newdawnmagazine.example");
        assertEquals(LinkKind.ADVERT, promo.kind());
        assertEquals("Get Your Copy of New Dawn Magazine #203 - Mar-Apr Issue", promo.text());
        assertEquals(LinkKind.NAVIGATION, link("/privacy/").kind());
    }

    @Test
    void requisitesAreLinksToo() {
        List<Link> req = doc.links().stream().filter(l -> l.kind() == LinkKind.REQUISITE).toList();
        assertTrue(req.stream().anyMatch(l -> l.url().endsWith("/style.css") && l.place() == LinkPlace.HEAD), req.toString());
        assertTrue(req.stream().anyMatch(l -> l.url().endsWith("us-airstrike-syria.jpg") && l.text().equals("US airstrike in Syria")));
        assertTrue(doc.links().stream().allMatch(l -> l.url().startsWith("http") || l.url().startsWith("mailto:")));
    }

    @Test
    void sourceLinksAreExactlyTheArticleSources() {
        List<String> sources = doc.links().stream().filter(l -> l.kind().isSource()).map(Link::url).toList();
        assertEquals(3, sources.size(), sources.toString());
        assertTrue(sources.stream().noneMatch(u -> u.contains("/category/") || u.contains("facebook") || u.contains("newdawn")));
    }

    @Test
    void quotesHaveTheirSpeakers() {
        Quote thomas = quote("the call to knock it off");
        assertEquals("Thomas", thomas.speaker());
        assertEquals("the call to knock it off was put in place and the attacks ceased", thomas.text());
        assertEquals("Thomas", quote("We never had struck regime targets").speaker());
        assertTrue(quote("If the airstrike was caused").speaker().endsWith("Igor Konashenkov"), quote("If the airstrike").speaker());
        // survivors' words from an interview: quoted, no named speaker
        assertEquals(null, quote("It is for sure").speaker());
    }

    @Test
    void scareQuotesAreNotQuotes() {
        assertTrue(doc.quotes().stream().noneMatch(q -> q.text().equals("mistake") || q.text().equals("errant strike")));
    }

    @Test
    void quoteOffsetsPointIntoTheText() {
        assertFalse(doc.quotes().isEmpty());
        for (Quote q : doc.quotes()) assertEquals(q.text(), doc.text().substring(q.start(), q.end()));
    }

    @Test
    void metadataAndText() {
        assertEquals("REVEALED: Russia Contacted US Twice to Stop Coalition’s Massacre of Syrian Army Troops", doc.title());
        assertEquals("2016-09-20T08:15:00Z", doc.published());
        assertEquals("21st Century Wire", doc.siteName());
        assertEquals("en-US", doc.lang());
        assertEquals(List.of("21WIRE"), doc.authors());
        assertNotNull(doc.text());
        assertTrue(doc.text().contains("62 Syrian government soldiers had been killed"));
        assertFalse(doc.text().contains("SoundCloud"), "the menu is not main text");
        assertEquals(null, doc.error());
    }

    private static Quote quote(String start) {
        return doc.quotes().stream().filter(q -> q.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting " + start + " in " + doc.quotes()));
    }
}
