package org.warctrail.web;

import java.util.Locale;
import java.util.Map;
import org.warctrail.index.CaptureRow;

/**
 * A field of the CDX server API, by pywb's name, with pywb's aliases (CDX11 letters and long names). A POST or PUT
 * capture has two more, {@code requestBody} and {@code method}, which other captures lack (JSON leaves them out).
 */
enum CdxField {
    URLKEY("urlkey"), TIMESTAMP("timestamp"), URL("url"), MIME("mime"), STATUS("status"), DIGEST("digest"),
    REDIRECT("redirect"), ROBOTFLAGS("robotflags"), LENGTH("length"), OFFSET("offset"), FILENAME("filename"),
    REQUEST_BODY("requestBody"), METHOD("method");

    private static final Map<String, CdxField> NAMES = Map.ofEntries(
            Map.entry("urlkey", URLKEY), Map.entry("k", URLKEY),
            Map.entry("timestamp", TIMESTAMP), Map.entry("t", TIMESTAMP),
            Map.entry("url", URL), Map.entry("original", URL), Map.entry("u", URL), Map.entry("a", URL),
            Map.entry("mime", MIME), Map.entry("mimetype", MIME), Map.entry("m", MIME),
            Map.entry("status", STATUS), Map.entry("statuscode", STATUS), Map.entry("s", STATUS),
            Map.entry("digest", DIGEST), Map.entry("d", DIGEST),
            Map.entry("redirect", REDIRECT), Map.entry("r", REDIRECT),
            Map.entry("robotflags", ROBOTFLAGS), Map.entry("M", ROBOTFLAGS),
            Map.entry("length", LENGTH), Map.entry("l", LENGTH), Map.entry("S", LENGTH),
            Map.entry("offset", OFFSET), Map.entry("o", OFFSET), Map.entry("V", OFFSET),
            Map.entry("filename", FILENAME), Map.entry("f", FILENAME), Map.entry("g", FILENAME),
            Map.entry("requestBody", REQUEST_BODY), Map.entry("requestbody", REQUEST_BODY),
            Map.entry("method", METHOD));

    private final String key;

    CdxField(String key) {
        this.key = key;
    }

    /** The name in JSON output. */
    public String key() {
        return key;
    }

    public static CdxField parse(String name) {
        CdxField f = NAMES.get(name.trim());
        if (f == null) f = NAMES.get(name.trim().toLowerCase(Locale.ROOT));
        if (f == null) throw new IllegalArgumentException("unknown CDX field: " + name);
        return f;
    }

    /** The field's value as the CDX API shows it; "-" for none (text output's empty mark). */
    public String value(CaptureRow row) {
        boolean revisit = row.revisit();
        return switch (this) {
            case URLKEY -> row.surt();
            case TIMESTAMP -> row.timestamp();
            case URL -> row.url();
            case MIME -> revisit ? "warc/revisit" : blank(row.mime()) ? "unk" : row.mime();
            case STATUS -> row.status() == 0 ? "-" : Integer.toString(row.status());
            case DIGEST -> blank(row.digest()) ? "-" : row.digest();
            case REDIRECT -> blank(row.redirect()) ? "-" : row.redirect();
            case ROBOTFLAGS -> "-";
            case LENGTH -> Long.toString(row.length());
            case OFFSET -> Long.toString(row.offset());
            case FILENAME -> row.file();
            case REQUEST_BODY -> row.method() == null || row.requestBody() == null ? "-" : row.requestBody();
            case METHOD -> row.method() == null ? "-" : row.method();
        };
    }

    /**
     * Whether the row has the field: pywb's rows are the indexer's JSON, in which only POST and PUT captures have
     * a request body and a method; JSON output leaves out what a row lacks.
     */
    public boolean in(CaptureRow row) {
        return switch (this) {
            case REQUEST_BODY -> row.method() != null && row.requestBody() != null;
            case METHOD -> row.method() != null;
            default -> true;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
