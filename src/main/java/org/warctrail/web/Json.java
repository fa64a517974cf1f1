package org.warctrail.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.Context;

/**
 * The JSON of the API: records serialised by Jackson, field for field, as the CLI's {@code --json} prints them
 * (absent values as null, timestamps as the records hold them).
 */
final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static void send(Context ctx, int status, Object value) {
        ctx.status(status);
        ctx.contentType("application/json; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(write(value));
    }
}
