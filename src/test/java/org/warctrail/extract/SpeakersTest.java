package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpeakersTest {
    /**
     * The quick looks before the two expressions tried at every start never pass over a text they match: checked on
     * every text before a ':' or ',' of the real articles, and on verbs at the edge of the 60-character reach.
     */
    @Test
    void theQuickLooksNeverMissAMatch() throws Exception {
        List<String> texts = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/extraction/ground-truth.json")) {
            JsonNode pages = new ObjectMapper().readTree(in);
            pages.forEach(page -> texts.add(page.get("articleBody").asText()));
        }
        String filler = "x".repeat(60);
        texts.add("Thomas acknowledged " + filler + ":  \u2028");
        texts.add("Thomas said\u00a0" + filler + ",\r\n");
        texts.add("As reported by officials and ACCORDING TO Col. John Van Der Berg-Smithson Jr.,");
        int matches = 0;
        for (String text : texts) {
            for (int end = text.indexOf(':'); end >= 0; end = text.indexOf(':', end + 1)) matches += check(text, end);
            for (int end = text.indexOf(','); end >= 0; end = text.indexOf(',', end + 1)) matches += check(text, end);
        }
        assertTrue(matches >= 6, "the texts hold attributions before a colon or comma: " + matches);
    }

    private static int check(String text, int colonOrComma) {
        String upTo = text.substring(Math.max(0, colonOrComma - 239), colonOrComma + 1);
        String b = upTo + text.substring(colonOrComma + 1, Math.min(text.length(), colonOrComma + 3)).replaceAll("\\S.*", "");
        int found = 0;
        if (Speakers.BEFORE_VERB.matcher(b).find()) {
            assertTrue(Speakers.mayEndWithVerb(b), b);
            found++;
        }
        if (Speakers.BEFORE_ACCORDING.matcher(b).find()) {
            assertTrue(Speakers.mayHoldAccording(b), b);
            found++;
        }
        return found;
    }

    @Test
    void aTextWithoutTheWordsIsPassedOver() {
        assertEquals(false, Speakers.mayEndWithVerb("The minister, in a statement on Tuesday:"));
        assertEquals(true, Speakers.mayEndWithVerb("The minister said in a statement on Tuesday:"));
        assertEquals(false, Speakers.mayEndWithVerb("The minister said " + "x".repeat(80) + ":"));
        assertEquals(false, Speakers.mayHoldAccording("The minister, in a statement:"));
    }
}
