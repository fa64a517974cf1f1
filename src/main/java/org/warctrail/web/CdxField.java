package org.warctrail.web;

import java.util.Locale;
import java.util.Map;
import org.warctrail.index.CaptureRow;

/** A field of the CDX server API, by pywb's name, with pywb's aliases (CDX11 letters and long names). */
enum CdxField {
    URLKEY("urlkey"), TIMESTAMP("timestamp"), URL("url"), MIME("mime"), STATUS("status"), DIGEST("digest"),
    REDIRECT("redirect"), ROBOTFLAGS("robotflags"), LENGTH("length"), OFFSET("offset"), FILENAME("filename");

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
            Map.entry("filename", FILENAME), Map.entry("f", FILENAME), Map.entry("g", FILENAME));

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
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
