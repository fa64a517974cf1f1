package org.warctrail.index;

/**
 * How a POST or PUT capture is keyed and shown, as pywb and cdxj-indexer do: the request's method, its body as
 * a query ({@link PostQuery}), and the URL with both appended, from which the capture's SURT key is made.
 *
 * @param method      POST or PUT, upper case (pywb's CDX {@code method} field)
 * @param requestBody the body as a query, e.g. {@code foo=bar&test=abc}; empty when the body gives none (pywb's
 *                    {@code requestBody} field)
 * @param keyedUrl    the URL with {@code ?__wb_method=POST&} and the body query appended
 */
record PostKey(String method, String requestBody, String keyedUrl) {

    /** The SURT key of the capture. */
    String surt() {
        return SurtKey.of(keyedUrl);
    }

    /** The capture of the POST or PUT: keyed by its body, with the method and body the CDX API shows. */
    CaptureRow keyed(CaptureRow r) {
        return new CaptureRow(r.id(), surt(), r.timestamp(), r.url(), r.status(), r.mime(), r.digest(),
                r.recordType(), r.offset(), r.length(), r.file(), r.recordId(), r.redirect(), r.refersToUrl(),
                r.refersToTimestamp(), method, requestBody);
    }
}
