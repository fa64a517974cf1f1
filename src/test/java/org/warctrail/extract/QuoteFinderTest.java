package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {
    private final QuoteFinder finder = new QuoteFinder();

    private List<Quote> find(String... paragraphs) {
        List<Quote> quotes = finder.find(List.of(paragraphs), new BitSet());
        String text = String.join("\n\n", paragraphs);
        for (Quote q : quotes) assertEquals(q.text(), text.substring(q.start(), q.end()), "offsets");
        return quotes;
    }

    private static String speaker(List<Quote> quotes) {
        assertEquals(1, quotes.size(), quotes.toString());
        return quotes.get(0).speaker();
    }

    @Test
    void speakerAfterTheQuote() {
        assertEquals("Thomas", speaker(find("“We never had struck regime targets in this conflict,” Thomas said in the briefing.")));
        assertEquals("Col. John J. Thomas", speaker(find("\"The attacks ceased within five minutes,\" said Col. John J. Thomas.")));
        assertEquals("Konashenkov", speaker(find("“It is a direct consequence of the stubborn unwillingness,” according to Konashenkov.")));
        assertEquals("Konashenkov", speaker(find("“It is a direct consequence of the stubborn unwillingness,” Konashenkov said.")));
        assertEquals("Major-General Igor Konashenkov", speaker(find(
                "“It is a direct consequence of the stubborn unwillingness,” Russia’s Defense Ministry spokesman, Major-General Igor Konashenkov, said.")));
    }

    @Test
    void speakerBeforeTheQuote() {
        assertEquals("Thomas", speaker(find("Thomas said: “The call to knock it off was put in place.”")));
        assertEquals("Lavrov", speaker(find("Speaking in Moscow, Lavrov told reporters: “We will not accept this outcome at all.”")));
        assertEquals("Thomas", speaker(find("According to Thomas, “the call to knock it off was put in place.”")));
        assertEquals("Col. Thomas", speaker(find("Asked about the call, Col. Thomas said:", "“The call to knock it off was put in place.”")),
                "a colon at the end of the previous paragraph");
    }

    @Test
    void pronounsTakeTheLastNamedSpeaker() {
        List<Quote> q = find("“We never had struck regime targets in this conflict,” Thomas said.",
                "“We did not intend to at the time,” he added.");
        assertEquals("Thomas", q.get(1).speaker());
    }

    @Test
    void scareQuotesAndShortQuotesAreSkipped() {
        assertTrue(find("Washington claimed the strike was a “mistake” and an \"errant strike\" by the «coalition forces».").isEmpty());
    }

    @Test
    void guillemetsAndGermanQuotes() {
        List<Quote> q = find("« Nous ne l’accepterons jamais dans ces conditions », a déclaré le ministre.",
                "„Wir werden das so nicht hinnehmen“, sagte Schmidt.");
        assertEquals("Nous ne l’accepterons jamais dans ces conditions", q.get(0).text());
        assertEquals("Wir werden das so nicht hinnehmen", q.get(1).text());
    }

    @Test
    void quoteRunningOverParagraphs() {
        List<Quote> q = find("“The US airstrikes destroyed all our equipment and defense points.",
                "“IS fighters attacked us immediately after and during the US strikes.”");
        assertEquals(2, q.size());
        assertEquals("The US airstrikes destroyed all our equipment and defense points.", q.get(0).text());
        assertNull(q.get(0).speaker());
    }

    @Test
    void sentenceAfterAFinishedQuoteIsNotItsTag() {
        List<Quote> q = find("“That is what they did and we stand by it.” The Russian Defense Ministry said that the aircraft "
                + "had entered Syrian airspace from the territory of Iraq on that morning.");
        assertNull(q.get(0).speaker());
    }

    @Test
    void blockquoteParagraphs() {
        BitSet bq = new BitSet();
        bq.set(1);
        List<Quote> q = finder.find(List.of("The ministry wrote in its statement:",
                "The aircraft entered Syrian airspace from the territory of Iraq."), bq);
        assertEquals(1, q.size());
        assertEquals("The aircraft entered Syrian airspace from the territory of Iraq.", q.get(0).text());
        bq.clear();
        bq.set(0);
        List<Quote> cite = finder.find(List.of("We shall fight on the beaches and on the landing grounds — Winston Churchill"), bq);
        assertEquals("Winston Churchill", cite.get(0).speaker());
        assertEquals("We shall fight on the beaches and on the landing grounds", cite.get(0).text());
    }
}
