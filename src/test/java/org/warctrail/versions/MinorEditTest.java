package org.warctrail.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinorEditTest {

    private static String reason(String from, String to) {
        return MinorEdit.reason(WordTokenizer.tokens(from), WordTokenizer.tokens(to));
    }

    @Test
    void typoFixesAreSpelling() {
        assertEquals("spelling", reason("recieved", "received"));
        assertEquals("spelling", reason("airstikes", "airstrikes"));
        assertEquals("spelling", reason("e-mail", "email"));
        assertEquals("spelling", reason("every day", "everyday"));
    }

    @Test
    void wordChangesAreSubstantive() {
        assertNull(reason("not", "now"), "short words are never typos");
        assertNull(reason("killed", "wounded"));
        assertNull(reason("at least", ""));
        assertNull(reason("Russian", "Syrian"));
    }

    @Test
    void numbersAreNeverMinor() {
        assertNull(reason("70", "62"));
        assertNull(reason("7.0", "70"));
        assertEquals("spelling", reason("1,000", "1000"));
    }

    @Test
    void punctuationAndCase() {
        assertEquals("punctuation", reason(",", ";"));
        assertEquals("punctuation", reason("\u201cwar\u201d", "\"war\""));
        assertEquals("case", reason("Pentagon", "pentagon"));
    }

    @Test
    void editDistanceCountsTranspositionsOnce() {
        assertEquals(1, MinorEdit.editDistance("recieve", "receive", 2));
        assertEquals(3, MinorEdit.editDistance("abcdef", "uvwxyz", 2), "capped at max + 1");
        assertTrue(MinorEdit.isTypo("government", "goverment"));
        assertFalse(MinorEdit.isTypo("soldiers", "solders1"));
    }

    @Test
    void textKeyIgnoresQuotesCaseAndSpacing() {
        assertEquals(MinorEdit.textKey("\u201cIt is  for sure\u201d"), MinorEdit.textKey("\"it is for sure\""));
        assertEquals("it is for sure", MinorEdit.textKey("It is, for sure!"));
    }

    @Test
    void tokenizerKeepsNumbersAndContractionsWhole() {
        List<Token> tokens = WordTokenizer.tokens("Don't say 1,000 or 3.5 soldiers, say 62.");
        assertEquals(List.of("Don't", "say", "1,000", "or", "3.5", "soldiers", ",", "say", "62", "."),
                tokens.stream().map(Token::text).toList());
        assertEquals(Token.Type.NUMBER, tokens.get(2).type());
        assertEquals(Token.Type.NUMBER, tokens.get(8).type());
        assertEquals(tokens.size(), WordTokenizer.count("Don't say 1,000 or 3.5 soldiers, say 62."));
        assertEquals("Don't say 1,000 or 3.5 soldiers, say 62.", WordTokenizer.join(tokens));
    }
}
