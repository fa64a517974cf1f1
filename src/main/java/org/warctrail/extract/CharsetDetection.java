package org.warctrail.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.html.charsetdetector.StandardHtmlEncodingDetector;
import org.apache.tika.parser.txt.CharsetDetector;
import org.apache.tika.parser.txt.CharsetMatch;
import org.apache.tika.parser.txt.UniversalEncodingDetector;

/**
 * Decides the character encoding of a text payload: byte order mark, then the HTTP header's charset, then
 * (for HTML) {@code <meta charset>} / {@code http-equiv}, then statistical detection. The BOM goes first
 * because browsers let it override the header (WHATWG "decode"), and a declared UTF-8 that is not valid
 * UTF-8 is ignored because that mislabel is common and detection then does better.
 */
final class CharsetDetection {
    private static final Pattern CHARSET_PARAM = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\"';,\\s]+)");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final int SAMPLE = 64 * 1024;

    private CharsetDetection() {
    }

    /** Decodes the payload with the detected charset. */
    public static String decode(byte[] payload, String contentType, boolean html) {
        Charset cs = detect(payload, contentType, html);
        int skip = bomLength(payload);
        return new String(payload, skip, payload.length - skip, cs);
    }

    public static Charset detect(byte[] payload, String contentType, boolean html) {
        Charset bom = fromBom(payload);
        if (bom != null) return bom;
        Charset declared = fromContentType(contentType);
        if (declared != null && plausible(declared, payload)) return declared;
        if (html) {
            Charset meta = fromMeta(payload);
            if (meta != null && plausible(meta, payload)) return meta;
        }
        return sniff(payload);
    }

    /** The charset parameter of a Content-Type value, or null when absent or unknown. */
    public static Charset fromContentType(String contentType) {
        if (contentType == null) return null;
        Matcher m = CHARSET_PARAM.matcher(contentType);
        return m.find() ? forLabel(m.group(1)) : null;
    }

    static Charset fromBom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) return StandardCharsets.UTF_8;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) return StandardCharsets.UTF_16BE;
        if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) return StandardCharsets.UTF_16LE;
        return null;
    }

    static int bomLength(byte[] b) {
        Charset bom = fromBom(b);
        if (bom == null) return 0;
        return bom == StandardCharsets.UTF_8 ? 3 : 2;
    }

    /** The WHATWG prescan of the first bytes for {@code <meta charset>} or an http-equiv Content-Type. */
    static Charset fromMeta(byte[] payload) {
        int sample = Math.min(payload.length, SAMPLE);
        // Both forms the prescan reads spell "charset"; without it the prescan (byte by byte through the whole
        // sample, a tenth of extraction on such pages) can only answer null.
        if (!containsCharsetWord(payload, sample)) return null;
        try {
            Charset cs = new StandardHtmlEncodingDetector().detect(
                    new ByteArrayInputStream(payload, 0, sample), new Metadata());
            // A page that declares UTF-16 in ASCII-compatible bytes cannot be UTF-16 (WHATWG: use UTF-8).
            if (cs != null && cs.name().startsWith("UTF-16")) return StandardCharsets.UTF_8;
            return cs;
        } catch (IOException e) {
            return null;
        }
    }

    /** Whether the first {@code length} bytes hold "charset" in any ASCII case. */
    static boolean containsCharsetWord(byte[] b, int length) {
        for (int i = 0, last = length - 7; i <= last; i++) {
            if ((b[i] | 0x20) != 'c' || (b[i + 1] | 0x20) != 'h') continue;
            if ((b[i + 2] | 0x20) == 'a' && (b[i + 3] | 0x20) == 'r' && (b[i + 4] | 0x20) == 's'
                    && (b[i + 5] | 0x20) == 'e' && (b[i + 6] | 0x20) == 't') return true;
        }
        return false;
    }

    /** Statistical detection: valid UTF-8 first (a reliable test), then juniversalchardet, then ICU's detector. */
    static Charset sniff(byte[] payload) {
        if (validUtf8(payload, Math.min(payload.length, SAMPLE), payload.length > SAMPLE)) return StandardCharsets.UTF_8;
        byte[] sample = payload.length <= SAMPLE ? payload : java.util.Arrays.copyOf(payload, SAMPLE);
        try {
            Charset cs = new UniversalEncodingDetector().detect(new ByteArrayInputStream(sample), new Metadata());
            if (cs != null && !cs.equals(StandardCharsets.UTF_8)) return whatwg(cs);
        } catch (IOException ignored) {
            // an in-memory stream does not fail
        }
        CharsetMatch match = new CharsetDetector().setText(sample).detect();
        if (match != null && match.getConfidence() >= 20) {
            Charset cs = forLabel(match.getName());
            if (cs != null && !cs.equals(StandardCharsets.UTF_8)) return cs;
        }
        return WINDOWS_1252;
    }

    /** A Charset for a label, mapping ISO-8859-1 and US-ASCII to windows-1252 as browsers do; null if unknown. */
    static Charset forLabel(String label) {
        try {
            return whatwg(Charset.forName(label.trim()));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            String l = label.trim().toLowerCase(Locale.ROOT);
            if (l.equals("utf8")) return StandardCharsets.UTF_8;
            if (l.equals("latin1") || l.equals("latin-1")) return WINDOWS_1252;
            return null;
        }
    }

    private static Charset whatwg(Charset cs) {
        if (cs.equals(StandardCharsets.ISO_8859_1) || cs.equals(StandardCharsets.US_ASCII)) return WINDOWS_1252;
        return cs;
    }

    // A declared UTF-8 must decode; declared single-byte charsets always "decode", so they are trusted.
    private static boolean plausible(Charset cs, byte[] payload) {
        if (!cs.equals(StandardCharsets.UTF_8)) return true;
        return validUtf8(payload, Math.min(payload.length, SAMPLE), payload.length > SAMPLE);
    }

    /**
     * Strict UTF-8 check (Unicode's well-formed byte sequences: no overlong forms, surrogates or code points past
     * U+10FFFF; what the JDK's decoder accepts with REPORT) of the first {@code length} bytes, without decoding them;
     * when the sample was cut from a longer payload, a sequence cut at the end is allowed.
     */
    static boolean validUtf8(byte[] b, int length, boolean truncated) {
        int end = length;
        if (truncated) {
            // step back over a possibly incomplete final sequence
            int i = end - 1, back = 0;
            while (i >= 0 && back < 3 && (b[i] & 0xC0) == 0x80) { i--; back++; }
            if (i >= 0 && (b[i] & 0xC0) == 0xC0) end = i;
        }
        int i = 0;
        while (i < end) {
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            c &= 0xff;
            int more, low = 0x80, high = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                more = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                more = 2;
                if (c == 0xE0) low = 0xA0;
                if (c == 0xED) high = 0x9F;
            } else if (c >= 0xF0 && c <= 0xF4) {
                more = 3;
                if (c == 0xF0) low = 0x90;
                if (c == 0xF4) high = 0x8F;
            } else {
                return false;
            }
            if (i + more >= end) return false;
            int second = b[i + 1] & 0xff;
            if (second < low || second > high) return false;
            for (int k = 2; k <= more; k++) if ((b[i + k] & 0xC0) != 0x80) return false;
            i += more + 1;
        }
        return true;
    }
}
