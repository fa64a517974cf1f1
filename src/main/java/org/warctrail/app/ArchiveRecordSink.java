package org.warctrail.app;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.capture.RecordSink;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.IndexedFile;
import org.warctrail.index.IndexerDied;
import org.warctrail.index.WarcIndexer;
import org.warctrail.store.RecordLocation;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.store.WarcStore;

/**
 * Where a capture puts its records: written to the store's rotating WARC files, then indexed (read back from the
 * file, so the index holds exactly what the file holds) on a background thread, so that indexing and extraction
 * of one page overlap the fetching of the next. {@link #close} waits for the index to catch up; the crawler
 * remembers the digests it wrote itself, so deduplication does not wait for the index.
 */
public final class ArchiveRecordSink implements RecordSink, Closeable {
    private final WarcStore store;
    private final CaptureIndex index;
    private final WarcIndexer indexer;
    private final RotatingWarcWriter writer;
    private final ExecutorService indexing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "warctrail-indexer");
        t.setDaemon(true);
        return t;
    });
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    private final Consumer<String> notices;
    private volatile IOException indexFailure;

    /** @param notices hears what indexing tells beside its failures (a record indexed without extraction) */
    ArchiveRecordSink(WarcStore store, CaptureIndex index, WarcIndexer indexer, RotatingWarcWriter writer,
                      Consumer<String> notices) {
        this.store = store;
        this.index = index;
        this.indexer = indexer;
        this.writer = writer;
        this.notices = notices;
    }

    @Override
    public void write(List<WarcRecord> records) throws IOException {
        writeAll(records);
    }

    /** Writes and indexes the records; returns where each one went. */
    public synchronized List<RecordLocation> writeAll(List<? extends WarcRecord> records) throws IOException {
        if (indexFailure != null) throw failure();
        List<RecordLocation> locations = writer.writeAll(records);
        if (!locations.isEmpty()) {
            String name = locations.get(0).file();
            // One pending catch-up per file is enough: it indexes everything written before it runs.
            if (pending.add(name)) indexing.execute(() -> catchUp(name));
        }
        return locations;
    }

    /** Waits until everything written so far is in the index. */
    public void awaitIndexed() throws IOException {
        try {
            indexing.submit(() -> { }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the index caught up", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException(e.getCause());
        }
        if (indexFailure != null) throw failure();
    }

    /**
     * Indexes what was written to the file. A failure, an Error included, is kept and fails the next write and
     * {@link #close}: the capture stops and says why, instead of the indexer thread dying unseen while the capture
     * goes on and reports success. The WARC file keeps every record written; the next command indexes them.
     */
    private void catchUp(String name) {
        pending.remove(name);
        try {
            IndexedFile file = index.file(name).orElseGet(() -> index.registerFile(name, 0, 0, null, null));
            indexer.index(file, store.resolve(name), WarcIndexer.Options.OWN, new WarcIndexer.Listener() {
                @Override
                public void notice(String message) {
                    notices.accept(message);
                }
            });
        } catch (IndexerDied e) {
            if (indexFailure == null) indexFailure = e;
        } catch (IOException | RuntimeException e) {
            if (indexFailure == null) {
                indexFailure = new IOException("indexing " + name + " failed: " + e.getMessage(), e);
            }
        } catch (Error e) {
            if (indexFailure == null) {
                indexFailure = new IndexerDied("the indexer thread died (" + IndexerDied.describe(e) + ") while "
                        + "indexing " + name + "; the WARC file is intact and the next command indexes the rest", e);
            }
        }
    }

    /**
     * The indexing failure, as a new exception each time: the crawler's write and the sink's close both throw it,
     * and try-with-resources cannot add an exception to itself as suppressed.
     */
    private IOException failure() {
        IOException f = indexFailure;
        return f instanceof IndexerDied ? new IndexerDied(f.getMessage(), f.getCause())
                : new IOException(f.getMessage(), f.getCause());
    }

    /** Names of the files written, oldest first. */
    public List<String> filesWritten() {
        return writer.filesWritten();
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
        indexing.shutdown();
        try {
            if (!indexing.awaitTermination(1, TimeUnit.HOURS)) throw new IOException("indexing did not finish");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the index caught up", e);
        }
        if (indexFailure != null) throw failure();
    }
}
