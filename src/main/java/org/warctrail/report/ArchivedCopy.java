package org.warctrail.report;

/**
 * An archived copy the report cites: a Robust Link (the live URL, the archived URL and its date) and the WARC
 * record that holds it, so a reader can fetch the record and check its digests.
 *
 * @param number        the copy's number in the report's list of copies (1, 2, ...)
 * @param timestamp     the 14-digit capture time (WARC-Date)
 * @param versionUrl    the copy in the archive: {@code BASE/web/TIMESTAMP/URL}
 * @param status        the HTTP status recorded, 0 for a record without one
 * @param recordType    WARC-Type: response, revisit or resource
 * @param file          the WARC file, relative to the store's warcs/ directory
 * @param offset        the byte offset of the record (its gzip member) in the file
 * @param length        the record's length in the file
 * @param payloadDigest WARC-Payload-Digest as the record declares it, else the index's ("sha1:BASE32")
 * @param blockDigest   WARC-Block-Digest as the record declares it, or null when it declares none
 * @param problem       why the record could not be read back (its digests then come from the index), or null
 */
public record ArchivedCopy(int number, String url, String timestamp, String title, String versionUrl, int status,
                           String recordType, String file, long offset, long length, String recordId,
                           String payloadDigest, String blockDigest, String problem) {

    /** The copy's date as Robust Links write it: YYYY-MM-DD. */
    public String versionDate() {
        return ReportDates.day(timestamp);
    }

    /** "2026-12-02 15:40:12 UTC". */
    public String captured() {
        return ReportDates.display(timestamp);
    }

    /** The fragment the report's citations point at. */
    public String anchor() {
        return "copy-" + number;
    }

    /** The title the page gave, else its URL. */
    public String label() {
        return title != null && !title.isBlank() ? title : url;
    }
}
