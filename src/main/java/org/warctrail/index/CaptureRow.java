package org.warctrail.index;

/**
 * One row of the capture index: a CDX line with a few fields more.
 *
 * @param surt        SURT key, as {@code URIs.toNormalizedSurt} makes it
 * @param timestamp   14-digit UTC capture time (WARC-Date)
 * @param status      HTTP status, 0 when the record has none (resource, metadata)
 * @param mime        payload media type without parameters ("warc/revisit" is not used here: see recordType)
 * @param digest      payload digest as CDX writes it: base32 sha1 without the "sha1:" prefix
 * @param recordType  WARC-Type: response, revisit or resource
 * @param offset      byte offset of the record (its gzip member) in the file
 * @param length      compressed length of the record
 * @param file        file name relative to the store's warcs/ directory, or an absolute path (in-place import)
 * @param redirect    resolved Location of a 3xx response, else null
 * @param refersToUrl       a revisit's WARC-Refers-To-Target-URI, else null
 * @param refersToTimestamp a revisit's WARC-Refers-To-Date as 14 digits, else null
 * @param method      POST or PUT for a capture keyed by its request ({@link PostKey}), else null (a GET)
 * @param requestBody the request body as a query for such a capture (may be empty), else null
 */
public record CaptureRow(
        long id,
        String surt,
        String timestamp,
        String url,
        int status,
        String mime,
        String digest,
        RecordType recordType,
        long offset,
        long length,
        String file,
        String recordId,
        String redirect,
        String refersToUrl,
        String refersToTimestamp,
        String method,
        String requestBody) {

    /** A capture of a GET (or of no request at all). */
    public CaptureRow(long id, String surt, String timestamp, String url, int status, String mime, String digest,
                      RecordType recordType, long offset, long length, String file, String recordId, String redirect,
                      String refersToUrl, String refersToTimestamp) {
        this(id, surt, timestamp, url, status, mime, digest, recordType, offset, length, file, recordId, redirect,
                refersToUrl, refersToTimestamp, null, null);
    }

    /** The status from which a capture counts as failed: the server's error, not the page's answer. */
    public static final int FAILED_STATUS = 500;

    /**
     * Whether the capture failed: a server error (5xx), or a response to an http(s) URL whose HTTP head could not
     * be read (indexed with status 0). A failed capture is no version of the page, so it is never the baseline of a
     * diff, nor what a revisit refers to.
     */
    public boolean failed() {
        return failed(recordType, url, status);
    }

    /** The rule of {@link #failed()} for a capture's fields, for values that are not rows (the differ's versions). */
    public static boolean failed(RecordType recordType, String url, int status) {
        return status >= FAILED_STATUS || unreadable(recordType, url, status);
    }

    /**
     * A response record of an http or https URL without an HTTP status: its HTTP head was unreadable (other
     * schemes, dns: say, have no HTTP head to read, and resource records none by definition).
     */
    public static boolean unreadable(RecordType recordType, String url, int status) {
        return status == 0 && recordType == RecordType.RESPONSE && url != null
                && (url.regionMatches(true, 0, "http:", 0, 5) || url.regionMatches(true, 0, "https:", 0, 6));
    }

    /** The rule of {@link #failed()} in SQL, over the captures table under the alias {@code alias}. */
    static String failedSql(String alias) {
        return "(" + alias + ".status >= " + FAILED_STATUS + " OR " + unreadableSql(alias) + ")";
    }

    /** The rule of {@link #unreadable} in SQL, over the captures table under the alias {@code alias}. */
    static String unreadableSql(String alias) {
        String c = alias + ".";
        return "(" + c + "status = 0 AND " + c + "record_type = 'response' AND (" + c + "url LIKE 'http:%' OR " + c
                + "url LIKE 'https:%'))";
    }

    /** Whether this is a revisit record, which stands for an earlier response with the same payload. */
    public boolean revisit() {
        return recordType == RecordType.REVISIT;
    }

    /** This row with its row id. */
    public CaptureRow withId(long newId) {
        return new CaptureRow(newId, surt, timestamp, url, status, mime, digest, recordType, offset, length, file,
                recordId, redirect, refersToUrl, refersToTimestamp, method, requestBody);
    }

    /** This row with its record length. */
    public CaptureRow withLength(long newLength) {
        return new CaptureRow(id, surt, timestamp, url, status, mime, digest, recordType, offset, newLength, file,
                recordId, redirect, refersToUrl, refersToTimestamp, method, requestBody);
    }
}
