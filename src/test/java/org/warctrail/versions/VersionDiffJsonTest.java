package org.warctrail.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The diff document serialises to the JSON shape of the design. */
class VersionDiffJsonTest {
    @Test
    void serialisesToTheDesignShape() throws Exception {
        Version a = Fixtures.version("20160918100000", "A", Fixtures.article().build());
        Version b = Fixtures.version("20160919100000", "B", Fixtures.article()
                .replace(Fixtures.P2, Fixtures.P2.replace("at least 70", "62"))
                .append("Correction: the toll was revised.").build());
        ObjectMapper mapper = new ObjectMapper();
        JsonNode json = mapper.readTree(mapper.writeValueAsString(new VersionDiffer().diff(a, b)));
        for (String key : new String[] {"url", "from", "to", "changed", "summary", "fields", "numbers",
                "quotesAdded", "quotesRemoved", "linksAdded", "linksRemoved", "paragraphs"}) {
            assertTrue(json.has(key), "missing " + key + " in " + json);
        }
        assertEquals("20160918100000", json.get("from").get("timestamp").asText());
        assertEquals(Fixtures.TITLE, json.get("to").get("title").asText());
        assertEquals("substantive", json.get("kind").asText());
        assertEquals("70", json.get("numbers").get(0).get("from").asText());
        JsonNode change = json.get("paragraphs").get(0);
        assertEquals("change", change.get("op").asText());
        assertEquals("delete", change.get("tokens").get(1).get("op").asText());
        assertEquals("insert", json.get("paragraphs").get(1).get("op").asText());
        assertTrue(json.get("paragraphs").get(1).get("from").isNull());
    }

    @Test
    void flagsRoundTrip() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ChangeFlags flags = new ChangeFlags("https://x/", "20200101000000", null, ChangeKind.ARTICLE_UNCHANGED,
                false, false, 0.0, "no change in the article");
        String json = mapper.writeValueAsString(flags);
        assertTrue(json.contains("\"kind\":\"article-unchanged\""), json);
        assertEquals(flags, mapper.readValue(json, ChangeFlags.class));
    }
}
