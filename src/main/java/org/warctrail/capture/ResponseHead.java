package org.warctrail.capture;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The status line and header fields of an HTTP response, as parsed from the bytes received.
 *
 * @param status  the status code
 * @param reason  the reason phrase
 * @param headers header fields in the order received
 * @param length  bytes of the status line and headers, blank line included
 * @param protocol the protocol of the status line, e.g. {@code HTTP/1.1}
 */
record ResponseHead(int status, String reason, List<Map.Entry<String, String>> headers, int length, String protocol) {

    /** The first value of a header field, compared case-insensitively. */
    Optional<String> first(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return Optional.of(h.getValue());
            }
        }
        return Optional.empty();
    }

    /** The media type of Content-Type without parameters, lower case, or null. */
    String mediaType() {
        return first("Content-Type").map(v -> {
            int semi = v.indexOf(';');
            String base = (semi >= 0 ? v.substring(0, semi) : v).trim().toLowerCase(Locale.ROOT);
            return base.isEmpty() ? null : base;
        }).orElse(null);
    }

    /** Whether the body is chunked (the last transfer coding is "chunked"). */
    boolean chunked() {
        return first("Transfer-Encoding").map(v -> {
            String[] codings = v.split(",");
            return codings[codings.length - 1].trim().equalsIgnoreCase("chunked");
        }).orElse(false);
    }

    /** Content-Length, or -1 when absent or malformed. */
    long contentLength() {
        return first("Content-Length").map(v -> {
            try {
                return Long.parseLong(v.trim());
            } catch (NumberFormatException e) {
                return -1L;
            }
        }).orElse(-1L);
    }

    /**
     * Whether the server lets the connection carry another request: HTTP/1.1 unless it says {@code Connection:
     * close} (or a proxy says {@code Proxy-Connection: close}); HTTP/1.0 only with {@code Connection: keep-alive}.
     */
    boolean keepsAlive() {
        boolean close = false;
        boolean keepAlive = false;
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase("Connection") || h.getKey().equalsIgnoreCase("Proxy-Connection")) {
                for (String token : h.getValue().split(",")) {
                    close |= token.trim().equalsIgnoreCase("close");
                    keepAlive |= token.trim().equalsIgnoreCase("keep-alive");
                }
            }
        }
        if (close) {
            return false;
        }
        return protocol.equalsIgnoreCase("HTTP/1.0") ? keepAlive : protocol.regionMatches(true, 0, "HTTP/1.", 0, 7);
    }

    boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && first("Location").isPresent();
    }
}
