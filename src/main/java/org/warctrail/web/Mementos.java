package org.warctrail.web;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.warctrail.index.CaptureRow;

/**
 * The mementos of one original URL (RFC 7089): the Link header values replay and the TimeGate send, and the
 * TimeMaps in link format and in the JSON TimeMap format of mementoweb.org's aggregator. Captures sharing a
 * timestamp are one memento (they have one URI-M).
 */
final class Mementos {
    private final String origin;
    private final String original;
    private final List<CaptureRow> captures;

    /**
     * @param origin   scheme://host[:port] of this server, so links are absolute as Memento clients expect
     * @param original the URI-R as requested
     * @param captures its captures, oldest first
     */
    public Mementos(String origin, String original, List<CaptureRow> captures) {
        this.origin = origin;
        this.original = linkSafe(original);
        List<CaptureRow> distinct = new ArrayList<>();
        for (CaptureRow c : captures) {
            if (distinct.isEmpty() || !distinct.get(distinct.size() - 1).timestamp().equals(c.timestamp())) {
                distinct.add(c);
            }
        }
        this.captures = distinct;
    }

    /** A URI fit for {@code <...>} in a Link header: no control characters, no angle brackets or quotes. */
    static String linkSafe(String uri) {
        return ArchivedHeaders.clean(uri).replace("<", "%3C").replace(">", "%3E").replace("\"", "%22")
                .replace(" ", "%20");
    }

    public String timeGate() {
        return origin + "/web/" + original;
    }

    public String linkTimeMap() {
        return origin + "/web/timemap/link/" + original;
    }

    public String jsonTimeMap() {
        return origin + "/web/timemap/json/" + original;
    }

    public String mementoUri(String timestamp) {
        return origin + "/web/" + timestamp + "/" + original;
    }

    /** Link header of a memento response: original, timegate, timemap, first/last/prev/next memento. */
    public String linkHeader(String timestamp) {
        Map<String, List<String>> rels = new LinkedHashMap<>();
        int at = indexOf(timestamp);
        addRel(rels, captures.get(0).timestamp(), "first");
        if (at > 0) addRel(rels, captures.get(at - 1).timestamp(), "prev");
        if (at >= 0 && at + 1 < captures.size()) addRel(rels, captures.get(at + 1).timestamp(), "next");
        addRel(rels, captures.get(captures.size() - 1).timestamp(), "last");
        StringBuilder sb = new StringBuilder(base());
        rels.forEach((ts, names) -> sb.append(", ").append(memento(ts, String.join(" ", names) + " memento")));
        return sb.toString();
    }

    /** Link header of the TimeGate's redirect. */
    public String timeGateLinkHeader() {
        String first = captures.get(0).timestamp();
        String last = captures.get(captures.size() - 1).timestamp();
        return base() + ", " + memento(first, first.equals(last) ? "first last memento" : "first memento")
                + (first.equals(last) ? "" : ", " + memento(last, "last memento"));
    }

    private String base() {
        return "<" + original + ">; rel=\"original\", <" + timeGate() + ">; rel=\"timegate\", <" + linkTimeMap()
                + ">; rel=\"timemap\"; type=\"application/link-format\"";
    }

    private String memento(String ts, String rel) {
        return "<" + mementoUri(ts) + ">; rel=\"" + rel + "\"; datetime=\"" + CaptureTime.httpDate(ts) + "\"";
    }

    private static void addRel(Map<String, List<String>> rels, String ts, String rel) {
        rels.computeIfAbsent(ts, k -> new ArrayList<>()).add(rel);
    }

    private int indexOf(String timestamp) {
        for (int i = 0; i < captures.size(); i++) {
            if (captures.get(i).timestamp().equals(timestamp)) return i;
        }
        return -1;
    }

    /** The TimeMap in application/link-format, one link per line. */
    public void writeLinkFormat(Writer out) throws IOException {
        String first = captures.get(0).timestamp();
        String last = captures.get(captures.size() - 1).timestamp();
        out.write("<" + original + ">; rel=\"original\",\n");
        out.write("<" + timeGate() + ">; rel=\"timegate\",\n");
        out.write("<" + linkTimeMap() + ">; rel=\"self\"; type=\"application/link-format\"; from=\""
                + CaptureTime.httpDate(first) + "\"; until=\"" + CaptureTime.httpDate(last) + "\",\n");
        out.write("<" + jsonTimeMap() + ">; rel=\"alternate\"; type=\"application/json\"");
        for (int i = 0; i < captures.size(); i++) {
            String rel = captures.size() == 1 ? "first last memento"
                    : i == 0 ? "first memento" : i == captures.size() - 1 ? "last memento" : "memento";
            out.write(",\n" + memento(captures.get(i).timestamp(), rel));
        }
        out.write("\n");
    }

    /** The TimeMap as JSON: original_uri, timegate_uri, timemap_uri, mementos {first, last, list}. */
    public void writeJson(Writer out) throws IOException {
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("original_uri", original);
            g.writeStringField("timegate_uri", timeGate());
            g.writeObjectFieldStart("timemap_uri");
            g.writeStringField("link_format", linkTimeMap());
            g.writeStringField("json_format", jsonTimeMap());
            g.writeEndObject();
            g.writeObjectFieldStart("mementos");
            writeMemento(g, "first", captures.get(0));
            writeMemento(g, "last", captures.get(captures.size() - 1));
            g.writeArrayFieldStart("list");
            for (CaptureRow c : captures) writeMemento(g, null, c);
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    private void writeMemento(JsonGenerator g, String field, CaptureRow c) throws IOException {
        if (field != null) g.writeObjectFieldStart(field);
        else g.writeStartObject();
        g.writeStringField("datetime", CaptureTime.toInstant(c.timestamp()).toString());
        g.writeStringField("uri", mementoUri(c.timestamp()));
        g.writeEndObject();
    }
}
