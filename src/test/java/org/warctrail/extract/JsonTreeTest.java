package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JsonTree reads what databind's tree model reads, value for value and in the same order, as JSON-LD relies on. */
class JsonTreeTest {
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper DATABIND = new ObjectMapper();

    @Test
    void readsWhatDatabindReads() throws IOException {
        for (String json : List.of(
                "{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":[\"NewsArticle\",\"Article\"],\"author\":{\"@id\":\"#a\"}},"
                        + "{\"@id\":\"#a\",\"name\":\"Jane Roe\"}]}",
                "[{\"headline\":12,\"wordCount\":1.50,\"big\":123456789012345678901234567890,\"free\":true,\"paid\":false,\"x\":null}]",
                "{\"name\":\"first\",\"other\":1,\"name\":\"last\"}",
                "{\"text\":\"caf\\u00e9 \\\"quoted\\\" \\n line\",\"empty\":{},\"none\":[]}",
                "\"just a string\"",
                "{\"a\":1} {\"b\":2}")) {
            assertEquals(plain(DATABIND.readTree(json)), read(json), json);
        }
    }

    @Test
    void textIsDatabindsAsText() throws IOException {
        String json = "{\"n\":12,\"f\":1.50,\"e\":2e3,\"t\":true,\"z\":null,\"s\":\"x\",\"o\":{\"k\":1},\"a\":[1]}";
        Map<?, ?> o = (Map<?, ?>) read(json);
        JsonNode node = DATABIND.readTree(json);
        for (Object field : o.keySet()) {
            assertEquals(node.get((String) field).asText(), JsonTree.text(o.get(field)), (String) field);
        }
    }

    @Test
    void endOfInputIsNullAndBrokenInputAnError() throws IOException {
        assertNull(read(""));
        assertNull(read("   "));
        assertThrows(IOException.class, () -> read("{\"a\": [1, 2"));
        assertThrows(IOException.class, () -> read("{\"a\" 1}"));
    }

    private static Object read(String json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            return JsonTree.read(parser);
        }
    }

    /** Databind's tree as the plain values JsonTree makes. */
    private static Object plain(JsonNode node) {
        if (node == null || node.isMissingNode()) return null;
        if (node.isObject()) {
            Map<String, Object> out = new LinkedHashMap<>();
            node.properties().forEach(e -> out.put(e.getKey(), plain(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            List<Object> out = new ArrayList<>();
            node.forEach(n -> out.add(plain(n)));
            return out;
        }
        if (node.isNull()) return JsonTree.NULL;
        if (node.isTextual()) return node.asText();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isDouble()) return node.doubleValue();
        return node.numberValue();
    }
}
