package org.warctrail.capture;

import java.io.IOException;

/** What a response is to the crawler: a payload to look for links in, a document (a page) or a resource. */
final class ResponseKinds {
    private ResponseKinds() {
    }

    /** Whether to keep a response's payload for its links: a successful HTML, XHTML or CSS one (or untyped). */
    static boolean keepForLinks(ResponseHead head) {
        if (head.status() < 200 || head.status() >= 300) {
            return false;
        }
        String type = head.mediaType();
        return type == null || type.equals("text/html") || type.equals("application/xhtml+xml") || type.equals("text/css");
    }

    /** A successful response holding an HTML or PDF document (an untyped payload that starts with markup too). */
    static boolean isDocument(Exchange exchange) {
        ResponseHead head = exchange.head();
        if (head.status() < 200 || head.status() >= 300) {
            return false;
        }
        String type = head.mediaType();
        if (type == null) {
            try {
                return exchange.payloadSample() != null && looksLikeHtml(PayloadDecoder.decode(exchange.payloadSample(),
                        head.first("Content-Encoding").orElse(null)));
            } catch (IOException e) {
                return false;
            }
        }
        return type.equals("text/html") || type.equals("application/xhtml+xml") || type.equals("application/pdf");
    }

    static boolean looksLikeHtml(byte[] payload) {
        for (byte b : payload) {
            if (!Character.isWhitespace(b)) {
                return b == '<';
            }
        }
        return false;
    }
}
