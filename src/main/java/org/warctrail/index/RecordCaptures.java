package org.warctrail.index;

import java.io.IOException;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.extract.Document;

/**
 * The capture row and document of one WARC record exactly as {@code import} makes them, for a job that reads
 * WARC files outside a store (the Spark job): the same row fields, the same payload decoding and size limits, the
 * same extractor. Not thread-safe (it reads through one buffer): one instance per reading thread.
 */
public final class RecordCaptures {
    /** A capture (its length not known until the next record's offset is) and its document, or null. */
    public record Capture(CaptureRow row, Document document) {
    }

    private final CaptureRecords records = new CaptureRecords(true);
    private final DocumentExtractor extractor;

    public RecordCaptures(DocumentExtractor extractor) {
        this.extractor = extractor;
    }

    /**
     * The capture a record makes, or null for records that are not captures (requests, warcinfo, metadata).
     *
     * @throws IOException when the record is unreadable past its headers (a bad record, as import reports it)
     */
    public Capture read(WarcRecord record, String file, long offset) throws IOException {
        CaptureRecords.Read read = records.describe(record, file, offset);
        if (read == null) return null;
        Document document = read.payload() == null ? null : read.payload().extract(extractor);
        return new Capture(read.row(), document);
    }
}
