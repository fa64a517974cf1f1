package org.warctrail.versions;

import org.warctrail.extract.Document;
import org.warctrail.index.CaptureRow;

/**
 * One capture of a URL, as the differ sees it.
 *
 * @param url       the captured URL
 * @param timestamp 14-digit UTC capture time
 * @param status    HTTP status (200, 404, 301...), 0 when the record has none
 * @param redirect  the resolved Location of a 3xx answer, else null
 * @param digest    payload digest (any consistent form, e.g. base32 sha1), null when unknown
 * @param document  what the extractor made of the payload; null for non-text payloads and answers with no body
 */
public record Version(String url, String timestamp, int status, String redirect, String digest, Document document) {

    /** A 2xx answer (or a record without HTTP status, such as a resource record). */
    public boolean answersOk() {
        return status == 0 || (status >= 200 && status < 300);
    }

    /** A server error: the capture failed and says nothing about the page; it is retried, not compared. */
    public boolean failed() {
        return status >= CaptureRow.FAILED_STATUS;
    }

    public boolean redirects() {
        return status >= 300 && status < 400;
    }

    public String title() {
        return document == null ? null : document.title();
    }
}
