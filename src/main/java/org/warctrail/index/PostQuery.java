package org.warctrail.index;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The request-body key pywb and cdxj-indexer append to the URL of a POST or PUT capture before making its SURT
 * ({@code ?__wb_method=post&foo=bar}), so that different POSTs to one URL are different captures. A form body is
 * its decoded fields, a JSON body its flattened leaves, a multipart body its fields, anything else
 * {@code __wb_post_data=} and the bytes in base64; the body part is cut at 4,096 characters as theirs is.
 */
final class PostQuery {
    /** The most body bytes read (bodies are keys, not content; cdxj-indexer reads 8 KiB when the length is absent). */
    static final int MAX_BODY = 64 * 1024;
    private static final int MAX_QUERY_LENGTH = 4096;
    private static final ObjectMapper JSON = new ObjectMapper();

    private PostQuery() {
    }

    /** The URL with the method and body key appended; the URL itself for other methods than POST and PUT. */
    public static String append(String url, String method, String contentType, byte[] body) {
        PostKey key = key(url, method, contentType, body);
        return key == null ? url : key.keyedUrl();
    }

    /** The key of a POST or PUT capture; null for other methods. */
    static PostKey key(String url, String method, String contentType, byte[] body) {
        String m = method.toUpperCase(Locale.ROOT);
        if (!m.equals("POST") && !m.equals("PUT")) return null;
        String query = query(contentType == null ? "" : contentType, body);
        StringBuilder out = new StringBuilder(url).append(url.indexOf('?') < 0 ? '?' : '&');
        out.append("__wb_method=").append(m);
        if (!query.isEmpty()) out.append('&').append(query);
        return new PostKey(m, query, out.toString());
    }

    static String query(String mime, byte[] body) {
        String type = mime.strip().toLowerCase(Locale.ROOT);
        String query;
        if (type.startsWith("application/x-www-form-urlencoded")) {
            String text = utf8(body);
            query = text == null ? binary(body) : unquotePlus(text);
        } else if (type.startsWith("multipart/")) {
            query = multipart(mime, body);
        } else if (type.startsWith("application/json")) {
            String json = json(body);
            query = json == null ? "" : json;
        } else if (type.startsWith("text/plain")) {
            String json = json(body);
            query = json == null ? binary(body) : json;
        } else {
            query = binary(body);
        }
        return query.length() > MAX_QUERY_LENGTH ? query.substring(0, MAX_QUERY_LENGTH) : query;
    }

    private static String binary(byte[] body) {
        return "__wb_post_data=" + Base64.getEncoder().encodeToString(body);
    }

    /** Python's unquote_plus: '+' is a space, %XX a UTF-8 byte; a malformed escape stays as written. */
    private static String unquotePlus(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text.replace('+', ' ');
        }
    }

    /** The JSON body's leaves as {@code name=value} pairs (a repeated name gets {@code .2_}, {@code .3_}, ...). */
    private static String json(byte[] body) {
        List<String[]> pairs = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try {
            String text = utf8(body);
            if (text == null) return null;
            try {
                leaves(JSON.readTree(text), "", pairs, seen);
            } catch (IOException e) {
                if (!text.contains("\n")) return null;
                for (String line : text.split("\n")) leaves(JSON.readTree(line), "", pairs, seen);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return urlencode(pairs);
    }

    private static void leaves(JsonNode node, String name, List<String[]> out, Map<String, Integer> seen) {
        if (node == null) return;
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) leaves(e.getValue(), e.getKey(), out, seen);
        } else if (node.isArray()) {
            for (JsonNode v : node) leaves(v, name, out, seen);
        } else if (!name.isEmpty()) {
            String key = name;
            Integer n = seen.get(name);
            if (n != null) {
                n = n == 0 ? 2 : n + 1;
                key = name + "." + n + "_";
            }
            seen.put(name, n == null ? 0 : n);
            out.add(new String[] {key, python(node)});
        }
    }

    /** A JSON scalar as Python's str() writes it. */
    private static String python(JsonNode v) {
        if (v.isNull()) return "None";
        if (v.isBoolean()) return v.booleanValue() ? "True" : "False";
        return v.isTextual() ? v.textValue() : v.toString();
    }

    /** The fields of a multipart/form-data body, each part's name and value. */
    private static String multipart(String mime, byte[] body) {
        int b = mime.indexOf("boundary=");
        if (b < 0) return binary(body);
        String boundary = mime.substring(b + 9).split(";", 2)[0].strip();
        if (boundary.startsWith("\"") && boundary.endsWith("\"") && boundary.length() > 1) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        String text = new String(body, StandardCharsets.ISO_8859_1);
        List<String[]> pairs = new ArrayList<>();
        for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary))) {
            int headEnd = part.indexOf("\r\n\r\n");
            if (headEnd < 0) continue;
            String head = part.substring(0, headEnd);
            int n = head.toLowerCase(Locale.ROOT).indexOf("name=\"");
            if (n < 0) continue;
            int end = head.indexOf('"', n + 6);
            if (end < 0) continue;
            String value = part.substring(headEnd + 4);
            if (value.endsWith("\r\n")) value = value.substring(0, value.length() - 2);
            pairs.add(new String[] {latin1ToUtf8(head.substring(n + 6, end)), latin1ToUtf8(value)});
        }
        return urlencode(pairs);
    }

    private static String latin1ToUtf8(String s) {
        return new String(s.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Python's urlencode: quote_plus on names and values. */
    private static String urlencode(List<String[]> pairs) {
        StringBuilder out = new StringBuilder();
        for (String[] p : pairs) {
            if (out.length() > 0) out.append('&');
            out.append(quotePlus(p[0])).append('=').append(quotePlus(p[1]));
        }
        return out.toString();
    }

    private static String quotePlus(String s) {
        // URLEncoder leaves '*' alone and encodes '~'; Python's quote_plus does the opposite.
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
