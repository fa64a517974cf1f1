package org.warctrail.provenance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiteLinesTest {
    /** The hashes from a text's words are the hashes of its lines read one by one: stored line counts stay valid. */
    @Test
    void hashesFromTheWordsEqualHashesLineByLine() throws Exception {
        String[] texts = {
                "", "\n", "one line", "Two\nlines\n", "Home | News\n\nSome text, here.\r\nHome | News",
                "re-\nceived across a break\nand of\u00ADficer", "Deir ez-\nZor", "didn’t\n’tis", "CAF\u00c9 ﬁ ｆｕｌｌ\n\ufdfa",
                "中文 文本\n\u4e2d\u6587", "\ud83d\ude00 emoji\nlone \ud83d surrogate", "İSTANBUL\nKelvin \u212a",
        };
        for (String text : texts) assertSame(text);
        try (InputStream in = getClass().getResourceAsStream("/extraction/ground-truth.json")) {
            JsonNode pages = new ObjectMapper().readTree(in);
            pages.forEach(page -> assertSame(page.get("articleBody").asText()));
        }
        String alphabet = "aZ9 \n\t-\u2010'\u2019\u00ad\u00e9\u0301\u4e2d\ufb01\ufdfa\ud83d\ude00\u0130.,\"\u00a0\r";
        Random random = new Random(11);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(30); k > 0; k--) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            assertSame(text.toString());
        }
    }

    @Test
    void blankLinesHaveNoHash() {
        assertEquals(0, SiteLines.distinctHashes(MatchText.of(" \n -- \n")).length);
        assertEquals(1, SiteLines.distinctHashes(MatchText.of("Same line\n\nsame LINE")).length);
    }

    private static void assertSame(String text) {
        assertArrayEquals(SiteLines.distinctHashes(text), SiteLines.distinctHashes(MatchText.of(text)),
                () -> text.replace("\n", "\\n"));
    }
}
