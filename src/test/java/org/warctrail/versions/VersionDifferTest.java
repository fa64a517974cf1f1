package org.warctrail.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.warctrail.versions.Fixtures.P2;
import static org.warctrail.versions.Fixtures.P3;
import static org.warctrail.versions.Fixtures.P4;
import static org.warctrail.versions.Fixtures.P5;
import static org.warctrail.versions.Fixtures.URL;
import static org.warctrail.versions.Fixtures.article;
import static org.warctrail.versions.Fixtures.version;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warctrail.extract.Document;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;

class VersionDifferTest {
    private final VersionDiffer differ = new VersionDiffer();
    private final Version first = version("20160918100000", "AAAA", article().build());

    private VersionDiff against(Document edited) {
        return differ.diff(first, version("20160919100000", "BBBB", edited));
    }

    @Test
    void headlineEditIsAFieldChangeAndNothingElse() {
        VersionDiff d = against(article().title("US-led coalition strike kills Syrian soldiers near Deir ez-Zor").build());
        assertEquals("headline changed", d.summary());
        assertTrue(d.changed());
        assertTrue(d.substantive());
        assertEquals(ChangeKind.SUBSTANTIVE, d.kind());
        assertEquals(1, d.fields().size());
        FieldChange title = d.fields().get(0);
        assertEquals("title", title.name());
        assertEquals(Fixtures.TITLE, title.from());
        assertFalse(title.minor());
        assertTrue(d.paragraphs().isEmpty());
        assertEquals("Coalition strike hits Syrian army positions near Deir ez-Zor", d.from().title());
    }

    @Test
    void numberCorrectionShowsSeventyBecomingSixtyTwoWithItsWords() {
        VersionDiff d = against(article().replace(P2, "The military said 62 soldiers were killed and about 100 "
                + "wounded in the attack, which lasted close to an hour.").build());
        assertEquals("1 number changed", d.summary());
        assertEquals(1, d.numbers().size());
        NumberChange n = d.numbers().get(0);
        assertEquals("70", n.from());
        assertEquals("62", n.to());
        assertTrue(n.context().contains("said 62 soldiers were killed"), n.context());
        assertTrue(n.fromContext().contains("at least 70 soldiers"), n.fromContext());
        assertEquals(1, d.paragraphs().size());
        ParagraphChange p = d.paragraphs().get(0);
        assertEquals(ParagraphOp.CHANGE, p.op());
        assertFalse(p.minor());
        assertTrue(p.tokens().contains(new TokenRun(TokenOp.DELETE, " at least 70", false)), p.tokens().toString());
        assertTrue(p.tokens().contains(new TokenRun(TokenOp.INSERT, " 62", false)), p.tokens().toString());
        assertTrue(d.score() > 0 && d.score() < 0.05, "score " + d.score());
        assertTrue(p.score() > 0.05 && p.score() < 0.2, "paragraph score " + p.score());
    }

    @Test
    void removedQuoteIsListedWithItsSpeaker() {
        VersionDiff d = against(article().remove(P3).withoutQuote(Fixtures.QUOTE).build());
        assertEquals("1 quote removed; 1 paragraph removed", d.summary());
        assertEquals(1, d.quotesRemoved().size());
        assertEquals(Fixtures.QUOTE, d.quotesRemoved().get(0).text());
        assertEquals("a spokesman for US Central Command", d.quotesRemoved().get(0).speaker());
        assertTrue(d.quotesAdded().isEmpty());
        assertEquals(ParagraphOp.DELETE, d.paragraphs().get(0).op());
        assertEquals(P3, d.paragraphs().get(0).from());
        assertEquals(2, d.paragraphs().get(0).fromIndex());
    }

    @Test
    void quoteWithOnlyCurlyQuotesAndCaseChangedIsTheSameQuote() {
        Document edited = article().build();
        Document curly = new Document(edited.url(), edited.contentType(), edited.title(), edited.text(),
                edited.published(), edited.modified(), edited.authors(), edited.lang(), edited.canonical(),
                edited.siteName(), edited.description(), edited.links(),
                List.of(new org.warctrail.extract.Quote("the call to knock it off was put in place and the attacks ceased",
                        null, 0, 1)), null);
        VersionDiff d = against(curly);
        assertTrue(d.quotesAdded().isEmpty());
        assertTrue(d.quotesRemoved().isEmpty());
    }

    @Test
    void addedCorrectionParagraph() {
        String correction = "Correction: an earlier version of this article said at least 70 soldiers were killed. "
                + "US Central Command put the toll at 62.";
        VersionDiff d = against(article().append(correction).build());
        assertEquals("1 paragraph added", d.summary());
        assertEquals(1, d.paragraphs().size());
        ParagraphChange p = d.paragraphs().get(0);
        assertEquals(ParagraphOp.INSERT, p.op());
        assertEquals(correction, p.to());
        assertEquals(5, p.toIndex());
        assertEquals(1.0, p.score());
        assertTrue(d.numbers().isEmpty(), "numbers of an added paragraph did not change in place");
    }

    @Test
    void advertsAndDateWidgetOnlyIsNoChangeInTheArticle() {
        Document edited = article()
                .addLink(Fixtures.link("https://ads.example/click?id=1", "Buy now", LinkKind.ADVERT, LinkPlace.SIDEBAR))
                .addLink(Fixtures.link("https://ads.example/click?id=2", "Cheap flights", LinkKind.ADVERT, LinkPlace.SIDEBAR))
                .build();
        VersionDiff d = against(edited);
        assertFalse(d.changed());
        assertFalse(d.articleChanged());
        assertTrue(d.payloadChanged());
        assertEquals(ChangeKind.ARTICLE_UNCHANGED, d.kind());
        assertEquals("no change in the article (only links changed: 2 advert links added)", d.summary());
        assertEquals(2, d.linksAdded().size());
        assertEquals("advert", d.linksAdded().get(0).kind());
        assertTrue(d.paragraphs().isEmpty());
    }

    @Test
    void dateWidgetOutsideTheExtractedTextIsNoChangeInTheArticle() {
        // The extractor drops the "Today is Monday 19 September" widget: same document, different payload.
        VersionDiff d = against(article().build());
        assertFalse(d.changed());
        assertEquals(ChangeKind.ARTICLE_UNCHANGED, d.kind());
        assertEquals("no change in the article (payload differs outside the extracted text (adverts, scripts, widgets))",
                d.summary());
    }

    @Test
    void trackingParametersAndModifiedDateAreNotArticleChanges() {
        Document base = article().build();
        Document edited = article().modified("2016-09-19T08:00:00Z").build();
        List<org.warctrail.extract.Link> links = new java.util.ArrayList<>(edited.links());
        links.set(0, Fixtures.link("https://www.centcom.mil/briefing?utm_source=news&utm_medium=web#top", "briefing",
                LinkKind.CITATION, LinkPlace.MAIN));
        Document retagged = new Document(edited.url(), edited.contentType(), edited.title(), edited.text(),
                edited.published(), edited.modified(), edited.authors(), edited.lang(), edited.canonical(),
                edited.siteName(), edited.description(), links, edited.quotes(), null);
        VersionDiff d = differ.diff(version("20160918100000", "A", base), version("20160919100000", "B", retagged));
        assertFalse(d.changed());
        assertTrue(d.linksAdded().isEmpty());
        assertTrue(d.linksRemoved().isEmpty());
        assertEquals(List.of("tracking parameters changed in 1 link", "modified date changed"), d.otherChanges());
        assertEquals("modified", d.fields().get(0).name());
    }

    @Test
    void sameInstantWrittenWithAnotherOffsetIsNoDateChange() {
        Document edited = article().modified("2016-09-18T12:00:00+02:00").build();
        assertTrue(against(edited).fields().isEmpty());
    }

    @Test
    void pageThatStartsToAnswer404IsFlaggedAsSuch() {
        VersionDiff d = differ.diff(first, new Version(URL, "20161001000000", 404, null, "CCCC", null));
        assertEquals(ChangeKind.STATUS, d.kind());
        assertEquals("now answers 404", d.summary());
        assertTrue(d.changed());
        assertTrue(d.substantive());
        assertEquals(new FieldChange("status", "200", "404", false), d.fields().get(0));
        assertTrue(d.paragraphs().isEmpty());
        assertEquals(404, d.to().status());
    }

    @Test
    void pageThatRedirectsElsewhereIsFlaggedAsSuch() {
        VersionDiff d = differ.diff(first,
                new Version(URL, "20161001000000", 301, "https://news.example/archive/strike", "DDDD", null));
        assertEquals(ChangeKind.REDIRECT, d.kind());
        assertEquals("now redirects to https://news.example/archive/strike", d.summary());
        assertEquals("redirect", d.fields().get(1).name());
        assertEquals("https://news.example/archive/strike", d.to().redirect());
    }

    @Test
    void stillAnswering404IsNoChange() {
        Version gone = new Version(URL, "20161001000000", 404, null, "CCCC", null);
        Version stillGone = new Version(URL, "20161002000000", 404, null, "EEEE", null);
        VersionDiff d = differ.diff(gone, stillGone);
        assertFalse(d.changed());
        assertEquals("no change (still answers 404)", d.summary());
        VersionDiff back = differ.diff(stillGone, first);
        assertEquals("answers 200 again (was 404)", back.summary());
    }

    @Test
    void identicalPayloadIsNoChange() {
        VersionDiff d = differ.diff(first, version("20160919100000", "AAAA", article().title("whatever").build()));
        assertEquals(ChangeKind.IDENTICAL, d.kind());
        assertEquals("no change (identical payload)", d.summary());
        assertFalse(d.changed());
        assertFalse(d.payloadChanged());
        assertEquals(0.0, d.score());
    }

    @Test
    void typoFixIsMinor() {
        Document typo = article().replace(P4, P4.replace("counterparts", "counterpatrs")).build();
        Document fixed = article().build();
        VersionDiff d = differ.diff(version("20160918100000", "A", typo), version("20160919100000", "B", fixed));
        assertTrue(d.changed());
        assertFalse(d.substantive());
        assertEquals(ChangeKind.MINOR, d.kind());
        assertEquals("minor edits only (spelling)", d.summary());
        ParagraphChange p = d.paragraphs().get(0);
        assertTrue(p.minor());
        assertEquals(List.of("spelling"), p.reasons());
        assertTrue(p.tokens().contains(new TokenRun(TokenOp.INSERT, " counterparts", true)));
    }

    @Test
    void punctuationAndCaseEditsAreMinor() {
        Document edited = article().replace(P5, P5.replace("several aircraft", "Several aircraft").replace(".", "!"))
                .build();
        VersionDiff d = against(edited);
        assertEquals(ChangeKind.MINOR, d.kind());
        assertEquals(List.of("case", "punctuation"), d.paragraphs().get(0).reasons());
    }

    @Test
    void headlineTypoFixIsMinor() {
        Version typo = version("20160918100000", "A", article().title("Coalition strike hits Syrian army postions").build());
        Version fixed = version("20160919100000", "B", article().title("Coalition strike hits Syrian army positions").build());
        VersionDiff d = differ.diff(typo, fixed);
        assertEquals(ChangeKind.MINOR, d.kind());
        assertTrue(d.fields().get(0).minor());
    }

    @Test
    void rewrittenParagraphIsOneChange() {
        String rewritten = "About 100 were wounded and at least 70 soldiers were killed, the Syrian military said of "
                + "the attack, which went on for nearly an hour.";
        VersionDiff d = against(article().replace(P2, rewritten).build());
        assertEquals(1, d.paragraphs().size(), d.paragraphs().toString());
        ParagraphChange p = d.paragraphs().get(0);
        assertEquals(ParagraphOp.CHANGE, p.op());
        assertEquals(P2, p.from());
        assertEquals(rewritten, p.to());
        assertEquals("1 paragraph changed", d.summary());
        assertTrue(d.numbers().isEmpty(), d.numbers().toString());
    }

    @Test
    void unrelatedReplacementIsADeleteAndAnInsert() {
        String other = "Weather: sunny spells expected across the coast tomorrow with light winds.";
        VersionDiff d = against(article().replace(P5, other).build());
        assertEquals(List.of(ParagraphOp.DELETE, ParagraphOp.INSERT),
                d.paragraphs().stream().map(ParagraphChange::op).toList());
    }

    @Test
    void movedParagraphIsMinor() {
        Document moved = article().remove(P5).build();
        moved = new Document(moved.url(), moved.contentType(), moved.title(), P5 + "\n\n" + moved.text(),
                moved.published(), moved.modified(), moved.authors(), moved.lang(), moved.canonical(),
                moved.siteName(), moved.description(), moved.links(), article().build().quotes(), null);
        VersionDiff d = against(moved);
        assertEquals(ChangeKind.MINOR, d.kind());
        assertTrue(d.paragraphs().stream().allMatch(p -> p.reasons().equals(List.of("moved"))));
        assertEquals(0.0, d.score());
    }

    @Test
    void theIssueExampleSummary() {
        String correction = "Correction: this article has been updated with the toll given by US Central Command.";
        Document edited = article()
                .title("Coalition strike kills 62 Syrian soldiers near Deir ez-Zor")
                .replace(P2, P2.replace("at least 70", "62"))
                .remove(P3).withoutQuote(Fixtures.QUOTE)
                .append(correction)
                .build();
        VersionDiff d = against(edited);
        assertEquals("headline changed; 1 number changed; 1 quote removed; 1 paragraph added; 1 paragraph removed",
                d.summary());
        assertEquals(3, d.paragraphs().size());
    }

    @Test
    void citationAddedToTheTextIsAnArticleChange() {
        Document edited = article().addLink(Fixtures.link("https://mod.example/statement", "statement",
                LinkKind.CITATION, LinkPlace.MAIN)).build();
        VersionDiff d = against(edited);
        assertTrue(d.changed());
        assertEquals("1 link added to the text", d.summary());
        assertEquals("citation", d.linksAdded().get(0).kind());
    }

    @Test
    void tokenRunsRebuildBothParagraphs() {
        String now = "The military now said 62 soldiers, not 70, were killed and about 100 wounded in the attack.";
        VersionDiff d = against(article().replace(P2, now).build());
        ParagraphChange p = d.paragraphs().get(0);
        StringBuilder newText = new StringBuilder();
        StringBuilder oldText = new StringBuilder();
        for (TokenRun r : p.tokens()) {
            if (r.op() != TokenOp.DELETE) newText.append(r.text());
            if (r.op() != TokenOp.INSERT) oldText.append(r.text());
        }
        assertEquals(now, newText.toString());
        assertEquals(P2.replace(" ", ""), oldText.toString().replace(" ", ""));
    }

    @Test
    void versionWithoutTextOnOneSide() {
        VersionDiff d = differ.diff(first, version("20160919100000", "ZZZZ", null));
        assertEquals(ChangeKind.SUBSTANTIVE, d.kind());
        assertNotNull(d.summary());
        assertTrue(d.summary().startsWith("payload changed"));
    }

    @Test
    void flagsCarryTheSummary() {
        ChangeFlags flags = against(article().append("A new paragraph about the aftermath of the strike.").build()).flags();
        assertEquals("20160919100000", flags.timestamp());
        assertEquals("20160918100000", flags.previousTimestamp());
        assertTrue(flags.substantive());
        assertEquals("1 paragraph added", flags.summary());
        ChangeFlags firstFlags = ChangeFlags.first(first);
        assertEquals(ChangeKind.FIRST, firstFlags.kind());
        assertEquals("first capture", firstFlags.summary());
    }

    @Test
    void serverErrorIsAFailedCaptureNotAChange() {
        Version error = new Version(URL, "20161001000000", 503, null, "FFFF", null);
        VersionDiff d = differ.diff(first, error);
        assertEquals(ChangeKind.FAILED, d.kind());
        assertFalse(d.changed());
        VersionSequence sequence = new VersionSequence(differ);
        assertEquals(ChangeKind.FIRST, sequence.add(first).kind());
        assertEquals(ChangeKind.FAILED, sequence.add(error).kind());
        ChangeFlags next = sequence.add(version("20161002000000", "AAAA", article().build()));
        assertEquals(ChangeKind.IDENTICAL, next.kind(), "compared with the last good capture, not the 503");
        assertEquals("20160918100000", next.previousTimestamp());
    }
}
