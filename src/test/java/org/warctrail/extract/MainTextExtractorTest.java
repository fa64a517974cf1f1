package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.warctrail.bench.ShingleScore;

class MainTextExtractorTest {

    private final MainTextExtractor extractor = new MainTextExtractor();

    /** Real pages from the article-extraction-benchmark (see src/test/resources/extraction/README.md). */
    @ParameterizedTest
    @CsvSource({
            "3f65af7b6b98b1c9ae9a3e0d8a09a85600cdc44e26e4b3a6db96a31f4b1767e3, 0.93",
            "11ea381ad92b5448cf66eae62f52ac565361a244c8881615fc6a7bb523cc0c32, 0.90",
            "bdb56ac83513635db1d8b9eb46b2da4c0de8da2f1f28f5bf5163df3eb3d3ec06, 0.95",
            "9da36ae4714bfccc72374c6c146e9d1cd3cca39e2110bd67ccdbcc806f4cf139, 0.95"})
    void benchmarkPagesMatchTheirGroundTruth(String key, double minimumF1) throws IOException {
        JsonNode truth;
        try (InputStream in = resource("ground-truth.json")) {
            truth = new ObjectMapper().readTree(in).get(key);
        }
        byte[] html;
        try (InputStream in = new GZIPInputStream(resource("html/" + key + ".html.gz"))) {
            html = in.readAllBytes();
        }
        Document doc = Jsoup.parse(CharsetDetection.decode(html, null, true), truth.get("url").asText());
        ShingleScore score = ShingleScore.of(truth.get("articleBody").asText(), extractor.extract(doc).text());
        assertTrue(score.f1() >= minimumF1, key + ": F1 " + score.f1() + " (P " + score.precision()
                + ", R " + score.recall() + ") below " + minimumF1);
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MainTextExtractorTest.class.getResourceAsStream("/extraction/" + name);
        if (in == null) throw new IOException("missing test resource /extraction/" + name);
        return in;
    }

    private static final String ARTICLE_PAGE = """
            <html><head><title>Dam failure floods valley | Daily Example</title></head><body>
            <div id="cookie-banner"><p>We use cookies to improve your experience on this site, by continuing you accept them.</p></div>
            <header class="site-header"><a href="/">Daily Example</a>
              <nav><ul><li><a href="/world">World news and analysis</a></li><li><a href="/sport">Sport results and reports</a></li></ul></nav>
            </header>
            <main>
              <article>
                <h1>Dam failure floods valley</h1>
                <div class="share-bar"><a href="https://facebook.com/share">Share on Facebook</a> <a href="https://twitter.com/share">Share on Twitter, the social network</a></div>
                <p>Water from the broken dam reached the first villages of the valley before dawn on Tuesday, officials said, forcing hundreds of families from their homes.</p>
                <p>Rescue teams worked through the night, and by noon the regional government said at least 70 people had been evacuated by boat, while roads to the north were closed.</p>
                <h2>Warnings ignored</h2>
                <p>Engineers had warned in March that the spillway was cracked, according to a report seen by this newspaper, but repairs were postponed twice.</p>
                <blockquote>We told them the wall would not hold another wet winter, and nobody listened to us.</blockquote>
                <p>The ministry did not answer questions about the report, and a spokesman said an inquiry would begin next week.</p>
                <div class="related-articles"><h3>Related</h3><ul>
                  <li><a href="/a">Storms batter the coast as the season's first gales arrive early</a></li>
                  <li><a href="/b">Farmers count the cost of the wettest autumn in forty years</a></li></ul></div>
              </article>
              <section id="comments"><h3>Comments</h3><p>First! This is a terrible, terrible story and someone should pay for it.</p></section>
            </main>
            <aside class="sidebar"><p>Subscribe to our newsletter, for the best stories of the day, every day, in your inbox.</p></aside>
            <footer><p>Copyright 2024 Daily Example, all rights reserved, registered in England and Wales.</p></footer>
            </body></html>""";

    @Test
    void keepsTheArticleAndDropsPageFurniture() {
        Document doc = Jsoup.parse(ARTICLE_PAGE, "https://example.org/dam");
        MainText main = extractor.extract(doc);
        String text = main.text();
        assertTrue(text.startsWith("Water from the broken dam"), text);
        assertTrue(text.contains("at least 70 people had been evacuated"), text);
        assertTrue(text.contains("nobody listened to us"), "blockquote kept: " + text);
        assertTrue(text.contains("an inquiry would begin next week"), text);
        for (String furniture : new String[] {"cookies", "World news", "Share on", "Storms batter", "First!",
                "newsletter", "Copyright", "Dam failure floods valley"}) {
            assertFalse(text.contains(furniture), furniture + " leaked into: " + text);
        }
        assertEquals(6, main.paragraphs().size(), text);
        Paragraph heading = main.paragraphs().get(2);
        assertEquals("Warnings ignored", heading.text());
        assertTrue(heading.heading());
        assertFalse(main.paragraphs().get(0).heading());
    }

    @Test
    void paragraphsPointIntoTheUnmodifiedOriginalDocument() {
        Document doc = Jsoup.parse(ARTICLE_PAGE, "https://example.org/dam");
        String before = doc.outerHtml();
        MainText main = extractor.extract(doc);
        assertEquals(before, doc.outerHtml());
        Element first = main.paragraphs().get(0).element();
        assertEquals("p", first.normalName());
        assertSame(doc, first.ownerDocument());
        assertEquals("\n\n", main.text().substring(main.paragraphs().get(0).text().length(),
                main.paragraphs().get(0).text().length() + 2));
    }

    @Test
    void pageWithoutAnArticleStillGivesItsReadableText() {
        Document doc = Jsoup.parse("""
                <html><body><div><nav><a href="/">Home</a> <a href="/about">About</a></nav>
                <span>Opening hours: Monday to Friday, nine to five, closed on public holidays.</span><br>
                <span>Call us on the number below, or write to the address on the envelope.</span>
                </div></body></html>""", "https://example.org/");
        String text = extractor.extract(doc).text();
        assertTrue(text.contains("Opening hours: Monday to Friday"), text);
        assertTrue(text.contains("write to the address"), text);
        assertFalse(text.contains("About"), text);
    }

    @Test
    void lineBreaksAndDoubleBreaksShapeParagraphs() {
        Document doc = Jsoup.parse("""
                <html><body><div class="post">First line of the old-style post, written with breaks,<br>
                and its second line, which continues the same paragraph of the post.<br><br>
                A new paragraph after two breaks, as old blog engines wrote them, with commas, too.</div>
                </body></html>""", "https://example.org/");
        MainText main = extractor.extract(doc);
        assertEquals(2, main.paragraphs().size(), main.text());
        assertEquals("First line of the old-style post, written with breaks,\n"
                + "and its second line, which continues the same paragraph of the post.", main.paragraphs().get(0).text());
    }

    @Test
    void jsonLdArticleBodyRedirectsAPickThatSharesLittleWithIt() {
        String story = "The council voted on Monday evening to close the old bridge, after inspectors found rust, cracks "
                + "and missing bolts in the main span. Traffic will be diverted through the town centre, and a ferry, "
                + "paid for by the county, will carry cyclists and walkers across the river from next week. ";
        StringBuilder listing = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            listing.append("<p>Unrelated long item number ").append(i).append(", with commas, clauses, asides, and more ")
                    .append("words than any short teaser would have, so that this block, by size alone, wins.</p>");
        }
        String articleBody = (story + story + story).replace("\"", "");
        Document doc = Jsoup.parse("<html><head><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
                + "\"articleBody\":\"" + articleBody + "\"}</script></head><body>"
                + "<div><p>" + story + "</p><p>" + story + "</p><p>" + story + "</p></div>"
                + "<div>" + listing + "</div></body></html>", "https://example.org/bridge");
        String text = extractor.extract(doc).text();
        assertTrue(text.startsWith("The council voted"), text);
        assertFalse(text.contains("Unrelated long item"), text);
    }

    @Test
    void emptyAndTextlessPagesGiveNoParagraphs() {
        assertTrue(extractor.extract(Jsoup.parse("")).isEmpty());
        assertTrue(extractor.extract(Jsoup.parse("<html><body><script>var x = 1;</script></body></html>")).isEmpty());
    }
}
