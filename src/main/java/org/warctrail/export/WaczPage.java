package org.warctrail.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A line of a WACZ's {@code pages/pages.jsonl}: an archived page a viewer lists and opens.
 *
 * @param url       the page's URL
 * @param timestamp its capture time, 14 digits (written as ISO 8601 in the file)
 * @param title     its extracted title, or null
 */
record WaczPage(String url, String timestamp, String title) {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    /** The first line of pages.jsonl (format json-pages-1.0). */
    static String headerLine() {
        return "{\"format\": \"json-pages-1.0\", \"id\": \"pages\", \"title\": \"All Pages\"}";
    }

    /** Writes the first line of pages.jsonl. */
    static void writeHeader(Writer w) throws IOException {
        w.write(headerLine());
        w.write('\n');
    }

    /** Writes this page's line of pages.jsonl. */
    void writeTo(Writer w) throws IOException {
        w.write(jsonLine());
        w.write('\n');
    }

    /** This page as a pages.jsonl line: a stable id (from URL and time), url, ts, and title when known. */
    String jsonLine() {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("id", UUID.nameUUIDFromBytes((timestamp + " " + url).getBytes(StandardCharsets.UTF_8)).toString());
        line.put("url", url);
        line.put("ts", isoDate(timestamp));
        if (title != null) line.put("title", title);
        try {
            return WaczZip.JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("page " + url + " as JSON", e);
        }
    }

    /** A 14-digit timestamp (or a prefix of one) as ISO 8601 UTC. */
    static String isoDate(String timestamp) {
        String ts = (timestamp + "00000000000000").substring(0, 14);
        return LocalDateTime.parse(ts, TIMESTAMP).toInstant(ZoneOffset.UTC).toString();
    }
}
