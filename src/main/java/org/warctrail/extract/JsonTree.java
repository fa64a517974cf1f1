package org.warctrail.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value read into plain Java values with jackson-core's streaming parser: an object is a {@link Map} in
 * document order (a repeated key keeps its first place and its last value), an array a {@link List}, a string a
 * {@link String}, a number a {@link Number}, true and false {@link Boolean}s, null {@link #NULL}.
 *
 * <p>Why not databind's tree model: the JSON-LD of a page is read in microseconds, but databind's {@code ObjectMapper}
 * loads ~400 classes when first made, ~0.15 s of a one-shot {@code extract}'s start-up.
 */
final class JsonTree {
    /** JSON's null, as a value: a map answers null for a key it lacks. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    private JsonTree() {
    }

    /** The next value the parser holds, or null at the end of its input. */
    static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.nextToken();
        return token == null ? null : value(parser, token);
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken t; (t = parser.nextToken()) != JsonToken.END_OBJECT; ) {
                    if (t != JsonToken.FIELD_NAME) throw new IOException("expected a field name, found " + t);
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken t; (t = parser.nextToken()) != JsonToken.END_ARRAY; ) array.add(value(parser, t));
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
                return parser.getNumberValue();
            case VALUE_NUMBER_FLOAT:
                return parser.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return NULL;
            default:
                // null (the input ended inside a value) or a token no JSON text holds here
                throw new IOException("unexpected " + (token == null ? "end of input" : token));
        }
    }

    /** A scalar's text ("12", "true", "null"); "" for an object or an array, as databind's {@code asText}. */
    static String text(Object value) {
        return value instanceof Map || value instanceof List ? "" : String.valueOf(value);
    }

    /** The value of an object's field, or null when the value is not an object or has no such field. */
    static Object get(Object value, String field) {
        return value instanceof Map<?, ?> object ? object.get(field) : null;
    }

    /** The elements of an array, the values of an object, nothing for a scalar. */
    static Iterable<?> children(Object value) {
        if (value instanceof List<?> array) return array;
        if (value instanceof Map<?, ?> object) return object.values();
        return List.of();
    }
}
