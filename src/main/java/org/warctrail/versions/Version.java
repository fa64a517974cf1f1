package org.warctrail.versions;

import org.warctrail.extract.Document;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.RecordType;

/**
 * One capture of a URL, as the differ sees it.
 *
 * @param url       the captured URL
 * @param timestamp 14-digit UTC capture time
 * @param status    HTTP status (200, 404, 301...), 0 when the record has none
 * @param redirect  the resolved Location of a 3xx answer, else null
 * @param digest    payload digest (any consistent form, e.g. base32 sha1), null when unknown
 * @param document  what the extractor made of the payload; null for non-text payloads and answers with no body
 * @param recordType the WARC-Type of the capture's record (response, revisit, resource)
 */
public record Version(String url, String timestamp, int status, String redirect, String digest, Document document,
                      RecordType recordType) {

    /** A capture from a response record. */
    public Version(String url, String timestamp, int status, String redirect, String digest, Document document) {
        this(url, timestamp, status, redirect, digest, document, RecordType.RESPONSE);
    }

    /** A 2xx answer (or a record without HTTP status, such as a resource record). */
    public boolean answersOk() {
        return status == 0 || (status >= 200 && status < 300);
    }

    /**
     * A server error or an unreadable HTTP head ({@link CaptureRow#failed()}): the capture failed and says nothing
     * about the page; it is retried, not compared.
     */
    public boolean failed() {
        return CaptureRow.failed(recordType, url, status);
    }

    /** Why a failed capture failed, as the flags' summary says it: "answers 503", "its HTTP head is unreadable". */
    public String failure() {
        return CaptureRow.unreadable(recordType, url, status) ? "its HTTP head is unreadable" : "answers " + status;
    }

    public boolean redirects() {
        return status >= 300 && status < 400;
    }

    public String title() {
        return document == null ? null : document.title();
    }
}
