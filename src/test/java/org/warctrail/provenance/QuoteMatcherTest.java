package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuoteMatcherTest {
    private final QuoteMatcher matcher = new QuoteMatcher();

    @Test
    void exactQuoteScoresOneWhateverTheTypography() {
        QuoteMatch m = matcher.find(SeedFixture.QUOTE_AS_BLOG_PRINTS_IT, SeedFixture.TRANSCRIPT_TEXT).orElseThrow();
        assertEquals(1.0, m.score());
        String matched = SeedFixture.TRANSCRIPT_TEXT.substring(m.start(), m.end());
        assertTrue(matched.startsWith("the call\nto knock") && matched.endsWith("attacks ceased"), matched);
        assertTrue(m.context().contains("in less than 5 minutes the call to knock it off"), m.context());
        assertTrue(m.context().startsWith("…") && m.context().endsWith("…"));
    }

    @Test
    void aChangedMissingOrMisspeltWordLowersTheScore() {
        String text = SeedFixture.ARTICLE_TEXT;
        double changed = matcher.find("the call to knock it off was put in place and the strikes ceased", text)
                .orElseThrow().score();
        double missing = matcher.find("the call to knock it off was put in place and attacks ceased", text)
                .orElseThrow().score();
        double typo = matcher.find("the call to knock it off was put in place and the atacks ceased", text)
                .orElseThrow().score();
        assertEquals(1 - 1 / 14.0, changed, 0.001);
        assertEquals(1 - 1 / 13.0, missing, 0.001);
        assertTrue(typo > changed && typo < 1, "a typo costs less than a changed word: " + typo);
    }

    @Test
    void matchesStartAndEndAtTheRightWords() {
        String text = "Noise before. In less than 5 minutes, “the call to knock it off was put in place and the"
                + " attacks ceased,” according to Thomas. Noise after.";
        QuoteMatch m = matcher.find("knock it off was put in place", text).orElseThrow();
        assertEquals("knock it off was put in place", text.substring(m.start(), m.end()));
    }

    @Test
    void unrelatedTextDoesNotMatch() {
        assertTrue(matcher.find("the call to knock it off was put in place and the attacks ceased",
                "The Russian Defense Ministry said the aircraft had entered Syrian airspace from Iraq.").isEmpty());
    }

    @Test
    void typoSimilarity() {
        assertEquals(0.9, QuoteMatcher.typoSimilarity("airstrikes", "airstikes"), 1e-9);
        assertEquals(0, QuoteMatcher.typoSimilarity("strikes", "attacks"));
        assertEquals(2, QuoteMatcher.editDistance("place", "plaec"));
    }
}
