package org.warctrail.store;

import java.util.List;

/**
 * A record as {@code verify} read it back, or a stretch of a file that could not be read as one.
 *
 * @param offset        where the record (its gzip member) starts
 * @param length        bytes it takes in the file (its gzip member's, shared by the records in it; -1 for a record
 *                      of a member holding very many, told before its end); for an unreadable stretch, up to where
 *                      reading could go on
 * @param type          WARC-Type, or null when the header could not be read
 * @param url           WARC-Target-URI (an ARC record's URL), or null
 * @param recordId      WARC-Record-ID, or null
 * @param payloadDigest WARC-Payload-Digest as declared, or null
 * @param problems      what failed, one phrase each (gzip, header, block or payload digest); empty when intact
 */
public record VerifiedRecord(long offset, long length, String type, String url, String recordId,
                             String payloadDigest, List<String> problems) {
    public boolean intact() {
        return problems.isEmpty();
    }
}
