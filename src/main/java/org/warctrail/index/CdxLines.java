package org.warctrail.index;

/**
 * Capture rows as CDX lines: CDXJ exactly as pywb's cdxj-indexer writes it (SURT, timestamp, then a JSON object
 * with url, mime, status, digest, length, offset, filename in that order, then requestBody and method for a POST or
 * PUT, absent values left out, Python's {@code json.dumps} spacing and escaping; revisits with mime
 * {@code warc/revisit}), and CDX11 as pywb and
 * OpenWayback read it ({@code -} for absent values).
 */
public final class CdxLines {
    /** The header line of a CDX11 file. */
    public static final String CDX11_HEADER = " CDX N b a m s k r M S V g";

    private CdxLines() {
    }

    public static String cdxj(CaptureRow row) {
        StringBuilder out = new StringBuilder(256);
        out.append(row.surt()).append(' ').append(row.timestamp()).append(" {");
        field(out, "url", row.url());
        field(out, "mime", mime(row));
        if (row.status() > 0) field(out, "status", Integer.toString(row.status()));
        field(out, "digest", row.digest());
        field(out, "length", Long.toString(row.length()));
        field(out, "offset", Long.toString(row.offset()));
        field(out, "filename", row.file());
        if (row.method() != null) {
            // cdxj-indexer writes the body even when empty, and the method after it
            if (row.requestBody() != null) plainField(out, "requestBody", row.requestBody());
            plainField(out, "method", row.method());
        }
        return out.append('}').toString();
    }

    public static String cdx11(CaptureRow row) {
        return String.join(" ", row.surt(), row.timestamp(), dash(row.url()), dash(mime(row)),
                row.status() > 0 ? Integer.toString(row.status()) : "-", dash(row.digest()), "-", "-",
                Long.toString(row.length()), Long.toString(row.offset()), dash(row.file()));
    }

    private static String mime(CaptureRow row) {
        return row.revisit() ? "warc/revisit" : row.mime();
    }

    /** CDX11 fields are separated by spaces, so a value holding one has it percent-encoded. */
    private static String dash(String value) {
        return value == null || value.isEmpty() ? "-" : value.replace(" ", "%20");
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value == null || value.isEmpty() || value.equals("-")) return;
        plainField(out, name, value);
    }

    private static void plainField(StringBuilder out, String name, String value) {
        if (out.charAt(out.length() - 1) != '{') out.append(", ");
        json(out, name);
        out.append(": ");
        json(out, value);
    }

    /** A JSON string as Python's json.dumps writes it: ASCII only, \\uXXXX for the rest, '/' not escaped. */
    public static void json(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
