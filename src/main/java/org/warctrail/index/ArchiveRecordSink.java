package org.warctrail.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.capture.RecordSink;
import org.warctrail.store.RecordLocation;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.store.WarcStore;

/**
 * Where a capture puts its records: written to the store's rotating WARC files, then indexed at once (read
 * back from the file, so the index holds exactly what the file holds), so that a page is searchable and its
 * payload dedup-able as soon as it is written.
 */
public final class ArchiveRecordSink implements RecordSink, Closeable {
    private final WarcStore store;
    private final CaptureIndex index;
    private final WarcIndexer indexer;
    private final RotatingWarcWriter writer;

    ArchiveRecordSink(WarcStore store, CaptureIndex index, WarcIndexer indexer, RotatingWarcWriter writer) {
        this.store = store;
        this.index = index;
        this.indexer = indexer;
        this.writer = writer;
    }

    @Override
    public void write(List<WarcRecord> records) throws IOException {
        writeAll(records);
    }

    /** Writes and indexes the records; returns where each one went. */
    public synchronized List<RecordLocation> writeAll(List<? extends WarcRecord> records) throws IOException {
        List<RecordLocation> locations = writer.writeAll(records);
        if (!locations.isEmpty()) {
            String name = locations.get(0).file();
            IndexedFile file = index.file(name).orElseGet(() -> index.registerFile(name, 0, 0, null, null));
            indexer.index(file, store.resolve(name), WarcIndexer.Options.OWN, WarcIndexer.Listener.NONE);
        }
        return locations;
    }

    /** Names of the files written, oldest first. */
    public List<String> filesWritten() {
        return writer.filesWritten();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
