package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PassageAlignerTest {
    private final PassageAligner aligner = new PassageAligner();

    @Test
    void findsCopiedParagraphsWithOffsetsInBothTexts() {
        MatchText article = MatchText.of(SeedFixture.ARTICLE_TEXT);
        MatchText blog = MatchText.of(SeedFixture.BLOG_TEXT);
        PassageAlignment alignment = aligner.align(article, blog);
        // Paragraphs 0..4 of the article, copied in one block: one passage.
        assertEquals(1, alignment.passages().size(), alignment.toString());
        Passage p = alignment.passages().get(0);
        String first = SeedFixture.ARTICLE_PARAGRAPHS.get(0);
        String lastCopied = SeedFixture.ARTICLE_PARAGRAPHS.get(4);
        assertTrue(SeedFixture.ARTICLE_TEXT.substring(p.sourceStart(), p.sourceEnd()).startsWith(first.substring(0, 40)));
        assertTrue(SeedFixture.BLOG_TEXT.substring(p.targetStart(), p.targetEnd()).startsWith(first.substring(0, 40)));
        assertTrue(SeedFixture.BLOG_TEXT.substring(p.targetStart(), p.targetEnd()).endsWith("Thomas said in the briefing"));
        int copiedWords = MatchText.of(String.join(" ", SeedFixture.ARTICLE_PARAGRAPHS.subList(0, 5))).size();
        assertEquals(copiedWords, p.words());
        assertEquals((double) copiedWords / article.size(), alignment.sourceShare(), 1e-9);
        assertEquals((double) copiedWords / blog.size(), alignment.targetShare(), 1e-9);
    }

    @Test
    void editedWordsWithinAPassageDoNotSplitIt() {
        String source = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen";
        String target = "intro words here one two three four five six SEVENTY eight nine ten eleven twelve thirteen"
                + " fourteen fifteen sixteen outro";
        PassageAlignment alignment = aligner.align(MatchText.of(source), MatchText.of(target));
        assertEquals(1, alignment.passages().size());
        assertEquals(15, alignment.passages().get(0).words());
    }

    @Test
    void shortCommonPhrasesAreNotPassages() {
        PassageAlignment alignment = aligner.align(
                MatchText.of("he said that it was one of the most important things for the country"),
                MatchText.of("critics say it was one of the most expensive mistakes of the decade"));
        assertTrue(alignment.isEmpty());
    }

    @Test
    void pdfLineBreaksAndTypographyStillAlign() {
        PassageAlignment alignment = aligner.align(MatchText.of(SeedFixture.TRANSCRIPT_TEXT),
                MatchText.of(SeedFixture.ARTICLE_TEXT));
        assertTrue(alignment.passages().stream().anyMatch(p -> p.words() >= 30),
                "the second quote, curly in the article and straight with line breaks in the PDF: " + alignment);
    }
}
