package org.warctrail.web;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.store.StoredRecord;
import org.warctrail.store.WarcStore;

/**
 * A capture opened for replay: the status and headers of the capture itself, and the payload of the record
 * that holds it (for a revisit, the original response it points to). Headers that describe the payload bytes
 * (Content-Type, Content-Encoding) come from the record the bytes come from.
 */
final class ArchivedResponse implements Closeable {
    private final CaptureRow row;
    private final StoredRecord captureRecord;
    private final StoredRecord payloadRecord;
    private final int status;
    private final ArchivedHeaders headers;
    private final ArchivedHeaders payloadHeaders;
    private final HttpResponse payloadHttp;
    private final WarcRecord payloadWarc;

    private ArchivedResponse(CaptureRow row, StoredRecord captureRecord, StoredRecord payloadRecord, int status,
                             ArchivedHeaders headers, ArchivedHeaders payloadHeaders, HttpResponse payloadHttp,
                             WarcRecord payloadWarc) {
        this.row = row;
        this.captureRecord = captureRecord;
        this.payloadRecord = payloadRecord;
        this.status = status;
        this.headers = headers;
        this.payloadHeaders = payloadHeaders;
        this.payloadHttp = payloadHttp;
        this.payloadWarc = payloadWarc;
    }

    public static ArchivedResponse open(WarcStore store, CaptureLookup index, CaptureRow row) throws IOException {
        StoredRecord stored = store.read(row.file(), row.offset());
        try {
            WarcRecord record = stored.record();
            if (record instanceof WarcRevisit revisit) {
                return openRevisit(store, index, row, stored, revisit);
            }
            if (record instanceof WarcResponse response) {
                HttpResponse http = response.http();
                ArchivedHeaders h = new ArchivedHeaders(http.headers());
                return new ArchivedResponse(row, stored, null, http.status(), h, h, http, response);
            }
            if (record instanceof WarcResource resource) {
                ArchivedHeaders h = new ArchivedHeaders(
                        MessageHeaders.of("Content-Type", resource.contentType().toString()));
                return new ArchivedResponse(row, stored, null, 200, h, h, null, resource);
            }
            throw new IOException("not a replayable record (" + record.type() + ") at offset " + row.offset()
                    + " of " + row.file() + " for " + row.url());
        } catch (IOException | RuntimeException e) {
            stored.close();
            throw e;
        }
    }

    private static ArchivedResponse openRevisit(WarcStore store, CaptureLookup index, CaptureRow row,
                                                StoredRecord stored, WarcRevisit revisit) throws IOException {
        CaptureRow original = index.resolveRevisit(row)
                .filter(r -> !r.revisit())
                .orElseThrow(() -> new IOException("revisit of " + row.url() + " at offset " + row.offset()
                        + " of " + row.file() + " refers to a response that is not in the archive"));
        StoredRecord originalStored = store.read(original.file(), original.offset());
        try {
            WarcRecord originalRecord = originalStored.record();
            HttpResponse originalHttp = originalRecord instanceof WarcResponse r ? r.http() : null;
            ArchivedHeaders payloadHeaders = originalHttp != null ? new ArchivedHeaders(originalHttp.headers())
                    : new ArchivedHeaders(MessageHeaders.of("Content-Type", originalRecord.contentType().toString()));
            int originalStatus = originalHttp != null ? originalHttp.status() : 200;
            int status = originalStatus;
            ArchivedHeaders own = payloadHeaders;
            // A revisit usually carries its own status line and headers (no body); a 304 or a missing block
            // says nothing about the content, so the original's status stands.
            try {
                HttpResponse revisitHttp = revisit.http();
                own = new ArchivedHeaders(revisitHttp.headers());
                if (revisitHttp.status() >= 200 && revisitHttp.status() != 304) status = revisitHttp.status();
            } catch (IOException | RuntimeException noHttpBlock) {
                own = payloadHeaders;
            }
            return new ArchivedResponse(row, stored, originalStored, status, own, payloadHeaders, originalHttp,
                    originalRecord);
        } catch (IOException | RuntimeException e) {
            originalStored.close();
            throw e;
        }
    }

    public CaptureRow row() {
        return row;
    }

    /** The archived HTTP status (200 for resource records). */
    public int status() {
        return status;
    }

    /** The capture's own headers (Location, Last-Modified...). */
    public ArchivedHeaders headers() {
        return headers;
    }

    /** Headers describing the payload bytes (Content-Type, Content-Encoding). */
    public ArchivedHeaders payloadHeaders() {
        return payloadHeaders;
    }

    /** The payload as sent: transfer coding (chunked) removed, content coding (gzip...) kept. */
    public InputStream body() throws IOException {
        return payloadHttp != null ? payloadHttp.body().stream() : payloadWarc.body().stream();
    }

    /** The payload with its content coding undone too, for rewriting. */
    public InputStream decodedBody() throws IOException {
        return payloadHttp != null ? payloadHttp.bodyDecoded().stream() : payloadWarc.body().stream();
    }

    @Override
    public void close() throws IOException {
        try {
            captureRecord.close();
        } finally {
            if (payloadRecord != null) payloadRecord.close();
        }
    }
}
