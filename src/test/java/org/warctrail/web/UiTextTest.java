package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Small texts of the pages: counts with their nouns, the context around a traced quote. */
class UiTextTest {
    @Test
    void countsTakeTheirNounsNumber() {
        assertEquals("1 version", Counted.of(1, "version"));
        assertEquals("0 versions", Counted.of(0, "version"));
        assertEquals("12 captures", Counted.of(12, "capture"));
    }

    @Test
    void aTraceContextIsNeverJustEllipses() {
        assertNull(TraceTimeline.context(""));
        assertNull(TraceTimeline.context("  "));
        assertNull(TraceTimeline.context("… …"));
        assertNull(TraceTimeline.context("..."));
        assertEquals("the minister said", TraceTimeline.context("… the minister said …"));
        assertEquals("said. Then", TraceTimeline.context("said. Then..."));
    }

    @Test
    void aSnippetIsPlainTextWithMatchOffsets() {
        org.warctrail.index.SnippetText s = org.warctrail.index.SnippetText.of(
                "&quot;<b>Stadia</b> is &lt;dead&gt;&quot; &amp; <b>gone</b> &#39;now&#39; &bogus");
        assertEquals("\"Stadia is <dead>\" & gone 'now' &bogus", s.text());
        assertEquals(java.util.List.of(new org.warctrail.index.SnippetText.Match(1, 7),
                new org.warctrail.index.SnippetText.Match(21, 25)), s.matches());
        assertEquals("Stadia", s.text().substring(1, 7));
        assertEquals("gone", s.text().substring(21, 25));
    }
}
