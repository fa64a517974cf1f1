package org.warctrail.index;

import org.warctrail.extract.Document;

/** A capture read from a WARC file, waiting to be written: its row (id not yet known) and its document, if any. */
record IndexedCapture(CaptureRow row, Document document) {
}
