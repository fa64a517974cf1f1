package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.io.InputStream;
import java.util.BitSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** Misreadings seen on real news pages: fixed in the rules, each shown here on the wording that caused it. */
class ExtractionMisfiresTest {
    private final LinkClassifier classifier = new LinkClassifier();

    private static String speaker(String paragraph) {
        List<Quote> quotes = new QuoteFinder().find(List.of(paragraph), new BitSet());
        return quotes.isEmpty() ? null : quotes.get(0).speaker();
    }

    @Test
    void speakerIsTheNameNotTheDescriptionAfterIt() {
        assertEquals("Robertson", speaker("\"We will hold the line until the relief column arrives,\" Robertson, "
                + "the U.S. commander, said on Tuesday."));
        assertEquals("Robertson", speaker("Robertson, the U.S. commander, said: \"We will hold the line until the "
                + "relief column arrives.\""));
        assertEquals("Igor Konashenkov", speaker("\"The strikes hit only military targets in the region,\" a "
                + "spokesman, Igor Konashenkov, said."));
    }

    @Test
    void bylinesKeepNamesOnly() {
        assertEquals(List.of("Ilana Muhlstein"), ArticleMetadata.splitNames("Ilana Muhlstein, MS, RDN"));
        assertEquals(List.of("Tom Krisher"), ArticleMetadata.splitNames("By TOM KRISHER, AP Auto Writer"));
        assertEquals(List.of("Chris Cillizza"), ArticleMetadata.splitNames("Analysis by Chris Cillizza"));
        assertEquals(List.of("Alex Reporter", "Kim Writer"), ArticleMetadata.splitNames("By Alex Reporter and Kim Writer"));
        assertEquals(List.of("21WIRE"), ArticleMetadata.splitNames("21WIRE"));
    }

    private LinkKind kind(String url, String page, String anchor, String before, String sentence, LinkPlace place) {
        return classifier.classify(new LinkClassifier.Clues(url, page, anchor, before, sentence, place, null));
    }

    @Test
    void linkKindsOfTagsCreditsOwnHomePagesProfilesAndCategories() {
        String page = "https://www.livescience.com/animals/octopus-dreams";
        assertNotEquals(LinkKind.IMAGE_CREDIT, kind("https://www.livescience.com/tag/octopus", page, "octopus",
                "Photo: Getty Images. Tags:", "", LinkPlace.MAIN));
        assertNotEquals(LinkKind.IMAGE_CREDIT, kind("https://pixelstudio.example/", page, "Pixel Studio",
                "Photos © Live Science. Site design by", "", LinkPlace.OTHER));
        assertNotEquals(LinkKind.SYNDICATION, kind("https://www.livescience.com/", page, "Live Science",
                "Originally published on", "Originally published on Live Science.", LinkPlace.MAIN));
        assertEquals(LinkKind.SYNDICATION, kind("https://www.livescience.com/animals/octopus-dreams",
                "https://www.space.com/octopus-dreams", "Live Science", "Originally published on",
                "Originally published on Live Science.", LinkPlace.MAIN));
        assertEquals(LinkKind.SOCIAL, kind("https://twitter.com/tomkrisher", "https://apnews.com/article/cars-123",
                "@tomkrisher", "Krisher reported from Detroit. Follow him on Twitter at",
                "Krisher reported from Detroit.", LinkPlace.MAIN));
        assertEquals(LinkKind.CITATION, kind("https://twitter.com/nasa/status/1234567890", "https://apnews.com/article/cars-123",
                "said on Twitter", "NASA", "NASA said on Twitter that the launch slipped.", LinkPlace.MAIN));
        assertNotEquals(LinkKind.CITATION, kind("https://www.cnn.com/category/politics/", "https://apnews.com/article/cars-123",
                "politics coverage", "according to CNN's", "according to CNN's politics coverage", LinkPlace.MAIN));
    }

    @Test
    void englishPageDeclaredGermanIsEnglish() throws IOException {
        byte[] html;
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream(
                "/extraction/html/f81c6c05d9cbc93316992fa23ef74ec405194e292611f2e94f6a814868903665.html.gz"))) {
            html = in.readAllBytes();
        }
        Document d = new Extractor().extract("https://www.businessinsider.de/how-to-retire-early-steps-for-early-retirement",
                "text/html", html);
        assertEquals("en", d.lang());
        assertEquals("de", PageLanguage.reconcile("de", null));
        assertEquals("en-US", PageLanguage.reconcile("en-US", "en"));
    }
}
