package org.warctrail.index;

import java.util.concurrent.CompletableFuture;
import org.warctrail.extract.Document;

/**
 * A capture read from a WARC file, waiting in its batch to be written: its row (id not yet known) and its
 * document, still being extracted perhaps.
 *
 * @param document     the document to come, or null when the capture has none
 * @param payloadBytes the payload held for its extraction (what the batch counts against its bound)
 */
record QueuedCapture(CaptureRow row, CompletableFuture<Document> document, int payloadBytes) {
    QueuedCapture withRow(CaptureRow other) {
        return new QueuedCapture(other, document, payloadBytes);
    }
}
