package org.warctrail.index;

import org.warctrail.extract.Document;

/**
 * Turns a decoded payload into a {@link Document}: the extract stage, as the index calls it. {@link #standard()} is the
 * real one; tests pass {@link #NONE} for an index of captures only.
 */
@FunctionalInterface
public interface DocumentExtractor {
    /**
     * @param url         the capture's URL
     * @param contentType the payload's Content-Type (with parameters), may be null
     * @param payload     the payload with transfer and content encodings removed
     * @return the document, or null when the payload is not a document
     */
    Document extract(String url, String contentType, byte[] payload) throws Exception;

    /** Extracts nothing: an index of captures only. */
    DocumentExtractor NONE = (url, contentType, payload) -> null;

    /**
     * The extract stage's extractor: one shared, thread-safe instance, built when a first payload is extracted, so
     * that a command that only reads the index (search, trace, cdx) does not pay for it.
     */
    static DocumentExtractor standard() {
        return (url, contentType, payload) -> StandardExtractor.INSTANCE.extract(url, contentType, payload);
    }
}
