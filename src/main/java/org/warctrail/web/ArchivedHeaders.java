package org.warctrail.web;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.MessageHeaders;

/**
 * The few archived HTTP headers replay passes on, cleaned. Archived headers are hostile input: nothing is
 * copied by name wholesale (no Set-Cookie, CSP, CORS, HSTS, Refresh...), and every value loses its control
 * characters so that no archived value can end a header line and start another.
 */
final class ArchivedHeaders {
    private static final int MAX_VALUE = 4096;
    private static final Pattern MEDIA_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*");
    private static final Pattern CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)");
    private static final Set<String> CODINGS = Set.of("gzip", "x-gzip", "deflate", "br", "zstd", "compress", "identity");

    private final MessageHeaders headers;

    public ArchivedHeaders(MessageHeaders headers) {
        this.headers = headers;
    }

    public static ArchivedHeaders none() {
        return new ArchivedHeaders(MessageHeaders.of());
    }

    /** A header value with CR, LF and other control characters removed, bounded in length. */
    public static String clean(String value) {
        StringBuilder sb = new StringBuilder(Math.min(value.length(), MAX_VALUE));
        for (int i = 0; i < value.length() && sb.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            if (c == '\t') sb.append(' ');
            else if (c >= 0x20 && c != 0x7f && c < 0x100) sb.append(c);
        }
        return sb.toString().trim();
    }

    private Optional<String> first(String name) {
        return headers.first(name).map(ArchivedHeaders::clean).filter(v -> !v.isEmpty());
    }

    /** The media type without parameters, lower case, if it is a well-formed type/subtype. */
    public Optional<String> mediaType() {
        return first("Content-Type").map(v -> v.split(";", 2)[0].trim().toLowerCase(Locale.ROOT))
                .filter(t -> MEDIA_TYPE.matcher(t).matches());
    }

    public Optional<String> charset() {
        return first("Content-Type").flatMap(v -> {
            var m = CHARSET.matcher(v);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    /** Content-Type rebuilt from its checked parts (type and charset only), never the raw archived value. */
    public Optional<String> contentType() {
        return mediaType().map(t -> charset().map(c -> t + "; charset=" + c).orElse(t));
    }

    /** The content coding, when it is one a browser may know (never a made-up token). */
    public Optional<String> contentEncoding() {
        return first("Content-Encoding").map(v -> v.toLowerCase(Locale.ROOT)).filter(CODINGS::contains)
                .filter(v -> !v.equals("identity"));
    }

    public Optional<String> lastModified() {
        return first("Last-Modified");
    }

    public Optional<String> contentLanguage() {
        return first("Content-Language").filter(v -> v.matches("[A-Za-z0-9, -]+"));
    }

    public Optional<String> location() {
        return first("Location");
    }
}
