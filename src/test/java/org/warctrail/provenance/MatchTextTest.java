package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchTextTest {
    @Test
    void quotationMarksDashesCaseAndPunctuationDoNotMatter() {
        String curly = "“We never had struck regime targets — we didn’t intend to,” Thomas said.";
        String straight = "\"we NEVER had struck regime targets - we didn't intend to\" thomas said";
        assertEquals(MatchText.normalise(straight), MatchText.normalise(curly));
        assertEquals("we never had struck regime targets we didnt intend to thomas said", MatchText.normalise(curly));
    }

    @Test
    void lineBreaksAndHyphenatedLineBreaksFromPdfText() {
        String pdf = "the coalition air operations center re-\n   ceived a call\r\nfrom a Russian of\u00ADficer";
        assertEquals("the coalition air operations center received a call from a russian officer",
                MatchText.normalise(pdf));
        // A hyphen inside a line, or before a capital on the next line, is a separator, not a join.
        assertEquals("us led coalition", MatchText.normalise("US-led coalition"));
        assertEquals("deir ez zor", MatchText.normalise("Deir ez-\nZor"));
    }

    @Test
    void unicodeCompatibilityForms() {
        assertEquals("office fighters 16", MatchText.normalise("Oﬃce ｆｉｇｈｔｅｒｓ １６"));
        assertEquals("café", MatchText.normalise("CAFE\u0301"), "combining accents compose");
    }

    @Test
    void wordsKeepTheirOffsetsInTheOriginal() {
        String text = "In less than 5 minutes, “the call to knock it off…”";
        MatchText words = MatchText.of(text);
        assertEquals(List.of("in", "less", "than", "5", "minutes", "the", "call", "to", "knock", "it", "off"), words.words());
        assertEquals("minutes", text.substring(words.start(4), words.end(4)));
        assertEquals("the", text.substring(words.start(5), words.end(5)));
        assertEquals("off", text.substring(words.start(10), words.end(10)));
        MatchText broken = MatchText.of("re-\nceived it");
        assertEquals("re-\nceived", broken.original().substring(broken.start(0), broken.end(0)));
    }
}
