package org.warctrail.index;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.warctrail.store.ArcHeaderRepair;
import org.warctrail.store.FilePrefixChannel;
import org.warctrail.store.RecordBoundaryScanner;

/**
 * Indexes the records of a WARC or ARC file from a byte offset to its end, streaming in constant memory.
 * A record's offset is jwarc's {@code reader.position()} right after {@code next()}; its length runs to the next
 * record's offset (the end of the file for the last). Rows become visible in batches, each committed with the
 * file's {@code indexed_bytes} mark, so indexing resumes where it stopped.
 *
 * <p>Three kinds of thread share a pass: the calling thread reads the records in order, the
 * {@link ExtractionPool}'s threads extract the documents ({@link RecordExtractions}), and a writer thread commits
 * the batches in record order ({@link BatchCommitter}), then runs {@link Derivations} (derived data is computed
 * after the commit, and its failures are the queue's, never indexing's). The index is the one a pass on one
 * thread makes: the same rows with the same ids.
 */
public final class WarcIndexer {
    /**
     * Bounds of a pass's memory and transactions.
     *
     * @param batchRecords  records per transaction
     * @param batchPayload  payload bytes read for extraction per transaction, so that the documents of big pages do
     *                      not pile up in memory (one batch is written while the next one fills)
     * @param inFlightBytes payload bytes read and not yet extracted (see {@link RecordExtractions})
     */
    record Limits(int batchRecords, long batchPayload, int inFlightBytes) {
        static final Limits DEFAULT = new Limits(2000, 32 << 20, CaptureRecords.MAX_EXTRACT_BYTES + (8 << 20));
    }

    static final int MAX_BAD_RECORDS_KEPT = 1000;

    /**
     * How to treat what cannot be read.
     *
     * @param resync             report an unreadable record and go on at the next record boundary (files from
     *                           other tools); otherwise stop there, leaving the mark at the bad record (our own
     *                           files, where it is a torn tail or a record still being written)
     * @param stopOnSharedMember stop as soon as two records share one gzip member (a whole-file gzip), so that
     *                           the caller can store the file another way
     */
    public record Options(boolean resync, boolean stopOnSharedMember) {
        public static final Options OWN = new Options(false, false);
        public static final Options FOREIGN = new Options(true, false);
    }

    /** Hears of progress (the byte offset reached) and of each unreadable record. */
    public interface Listener {
        default void progress(long position) {
        }

        default void badRecord(BadRecord bad) {
        }

        /** Anything else to tell: a record indexed without extraction because the process died in it before. */
        default void notice(String message) {
        }

        Listener NONE = new Listener() {
        };
    }

    private final IndexWriter writer;
    private final DocumentExtractor extractor;
    private final Derivations derivations;
    private final UnfinishedExtractions unfinished;
    private final ExtractionPool pool;
    private final Limits limits;

    /**
     * @param derivations told after each committed batch: derives on the writing thread (so the documents a
     *                    batch adds are derived before the next batch is committed), or wakes the archive's worker
     * @param unfinished  the extractions begun and not finished, so that a record the process died on twice is
     *                    indexed without extraction
     */
    public WarcIndexer(CaptureIndex index, DocumentExtractor extractor, Derivations derivations,
                       UnfinishedExtractions unfinished) {
        this(index, extractor, derivations, unfinished, ExtractionPool.shared(), Limits.DEFAULT);
    }

    /** As above, extracting on {@code pool} within {@code limits}. */
    WarcIndexer(CaptureIndex index, DocumentExtractor extractor, Derivations derivations,
                UnfinishedExtractions unfinished, ExtractionPool pool, Limits limits) {
        this.writer = new IndexWriter(index.connections());
        this.extractor = extractor == null ? DocumentExtractor.NONE : extractor;
        this.derivations = derivations;
        this.unfinished = unfinished;
        this.pool = pool;
        this.limits = limits;
    }

    /**
     * Indexes the file from its mark to its end.
     *
     * @throws IndexerDied when an Error stopped it (what was committed stays; the next pass goes on from there)
     */
    public FileIndexReport index(IndexedFile file, Path path, Options options, Listener listener) throws IOException {
        Run run = new Run(file, path, options, listener);
        try {
            return run.run();
        } catch (BatchCommitter.ExtractionDied e) {
            throw IndexerDied.of(e.error(), e.url, file.name(), e.offset);
        } catch (Error e) {
            throw IndexerDied.of(e, null, file.name(), run.current);
        }
    }

    /**
     * The state of one pass over one file, on the reading thread. Sinks on different threads (two captures, a
     * watch beside a UI capture) index through one {@code WarcIndexer} at once, so everything a pass mutates, the
     * read buffers of its {@link CaptureRecords} included, belongs to the pass.
     */
    private final class Run {
        private final CaptureRecords records;
        private final RecordExtractions extractions;
        private BatchCommitter committer;
        private final IndexedFile file;
        private final Path path;
        private final Options options;
        private final Listener listener;
        private List<QueuedCapture> batch = new ArrayList<>();
        private final List<BadRecord> bad = new ArrayList<>();
        private long batchPayload;
        private QueuedCapture pending;
        private final WaitingPostKeys postKeys = new WaitingPostKeys();
        private long recordCount;
        private long badCount;
        private long shared;
        private long size;
        private long mtime;
        /** The offset of the record being read (for what an Error interrupted). */
        private long current;

        Run(IndexedFile file, Path path, Options options, Listener listener) {
            this.file = file;
            this.path = path;
            this.options = options;
            this.listener = listener;
            this.records = new CaptureRecords(extractor != DocumentExtractor.NONE);
            this.extractions = new RecordExtractions(extractor, unfinished, listener::notice, pool,
                    limits.inFlightBytes());
            this.current = file.indexedBytes();
        }

        FileIndexReport run() throws IOException {
            size = Files.size(path);
            mtime = Files.getLastModifiedTime(path).toMillis();
            committer = new BatchCommitter(writer, derivations, file.id(), size, mtime);
            try {
                return read();
            } catch (RuntimeException | IOException | Error e) {
                committer.abandon(extractions);
                throw e;
            }
        }

        private FileIndexReport read() throws IOException {
            RecordBoundaryScanner.Framing framing = RecordBoundaryScanner.framing(path);
            long pos = file.indexedBytes();
            long stoppedAt = pos;
            long lastStart = -1;
            passes:
            while (pos < size) {
                try (FilePrefixChannel channel = new FilePrefixChannel(FileChannel.open(path), size)) {
                    channel.position(pos);
                    WarcReader reader = new WarcReader(channel);
                    reader.setLenient(true);
                    while (true) {
                        committer.throwIfFailed();
                        Optional<WarcRecord> next;
                        try {
                            next = reader.next();
                        } catch (IOException | RuntimeException e) {
                            long at = Math.max(reader.position(), pos);
                            if (at >= size && FilePrefixChannel.isReadPastEnd(e)) {
                                // a zstd reader at the end of the file (see FilePrefixChannel): no more records
                                settle(size);
                                stoppedAt = size;
                                break passes;
                            }
                            if (pending != null && at <= pending.row().offset()) {
                                at = pending.row().offset(); // the pending record itself is the bad one
                                pending = null;
                            }
                            if (!options.resync()) {
                                settle(at);
                                stoppedAt = at;
                                break passes;
                            }
                            if (pending != null) {
                                // An oversized Content-Length makes the last record swallow the ones after it:
                                // look for a readable record from just after its start, not from where reading
                                // failed, and drop the record whose length was wrong.
                                long start = pending.row().offset();
                                long swallowed = RecordBoundaryScanner.nextReadable(path, framing, start + 1, at);
                                if (swallowed > start) {
                                    pending = null;
                                    badRecord(start, "its Content-Length runs past the start of the next record "
                                            + "(offset " + swallowed + "); skipped, and reading goes on there");
                                    pos = swallowed;
                                    stoppedAt = pos;
                                    continue passes;
                                }
                            }
                            settle(at);
                            if (RecordBoundaryScanner.onlyLineEndsFrom(path, at)) {
                                stoppedAt = size; // a trailing CRLF is not a record
                                break passes;
                            }
                            long repaired = readRepairedArc(at);
                            if (repaired >= 0) {
                                long resume = RecordBoundaryScanner.next(path, framing, repaired + 1);
                                pos = resume < 0 ? size : resume;
                                stoppedAt = pos;
                                continue passes;
                            }
                            badRecord(at, e);
                            long resume = RecordBoundaryScanner.next(path, framing, at + 1);
                            pos = resume < 0 ? size : resume;
                            stoppedAt = pos;
                            continue passes;
                        }
                        if (next.isEmpty()) {
                            long end = Math.max(reader.position(), pos);
                            settle(end);
                            stoppedAt = options.resync() ? Math.max(end, size) : end;
                            break passes;
                        }
                        long start = reader.position();
                        recordCount++;
                        if (start == lastStart || start >= size || (framing == RecordBoundaryScanner.Framing.GZIP
                                && !RecordBoundaryScanner.isGzipMemberAt(channel.file(), start))) {
                            // jwarc cannot tell where a record inside a shared gzip member starts: it gives the
                            // same offset, or (in a member longer than its buffer) how far it has read
                            shared++;
                            if (options.stopOnSharedMember()) {
                                stoppedAt = pos;
                                pending = null;
                                break passes;
                            }
                            continue;
                        }
                        settle(start);
                        lastStart = start;
                        current = start;
                        // before a flush: the response this request keys may be the last row of the batch
                        if (next.get() instanceof WarcRequest request) postKey(request, start);
                        // nor before a rendered DOM: the page's response it replaces the document of is the last row
                        boolean rendered = RenderedDocuments.isRenderedDom(next.get());
                        if (!rendered && (batch.size() >= limits.batchRecords()
                                || batchPayload >= limits.batchPayload())) {
                            flush(start);
                        }
                        try {
                            pending = describe(next.get(), start);
                        } catch (IOException | RuntimeException e) {
                            // The headers were readable but not the rest: report it, and read on from the next
                            // record that starts after this one's header, since its length cannot be trusted.
                            pending = null;
                            badRecord(start, e);
                            long resume = RecordBoundaryScanner.nextReadable(path, framing, start + 1, size);
                            pos = resume < 0 ? size : resume;
                            stoppedAt = pos;
                            continue passes;
                        }
                        listener.progress(start);
                    }
                }
            }
            if (pending != null) settle(options.resync() ? size : stoppedAt);
            flush(stoppedAt);
            BatchCommitter.Totals totals = committer.finish();
            listener.progress(stoppedAt);
            if (shared > 0 && !options.stopOnSharedMember()) {
                badRecord(lastStart, shared + " record(s) share one gzip member with the record before (a whole-file "
                        + "gzip); they cannot be addressed and were not indexed. Import without --in-place to store "
                        + "the file so that they can be.");
            }
            return new FileIndexReport(file.name(), recordCount, totals.captures(), totals.documents(),
                    totals.extractionErrors(), List.copyOf(bad), shared, stoppedAt);
        }

        /** The capture a record makes, keyed as pywb keys a POST when its request came first. */
        private QueuedCapture describe(WarcRecord record, long start) throws IOException {
            QueuedCapture capture = queue(records.describe(record, file.name(), start));
            if (capture != null && capture.document() != null && RenderedDocuments.isRenderedDom(record)) {
                return RenderedDocuments.moveToPage(record, capture, batch);
            }
            if (capture == null || postKeys.isEmpty()) return capture;
            PostKey key = postKeys.take(record, capture.row().recordId());
            return key == null ? capture : capture.withRow(key.keyed(capture.row()));
        }

        /** The capture read, its document's extraction submitted (which waits while too much is in flight). */
        private QueuedCapture queue(CaptureRecords.Read read) {
            if (read == null) return null;
            DocumentPayload payload = read.payload();
            if (payload == null) return new QueuedCapture(read.row(), null, 0);
            return new QueuedCapture(read.row(), extractions.submit(file.name(), read.row().offset(), payload),
                    payload.bytes().length);
        }

        /**
         * An ARC record with spaces in its URL, which jwarc refuses and warcio reads (see {@link ArcHeaderRepair}):
         * it becomes the pending capture. Returns where its header starts, or -1 when the record at {@code at} is
         * not one.
         */
        private long readRepairedArc(long at) throws IOException {
            return ArcHeaderRepair.read(path, at, (record, start) -> {
                pending = queue(records.describe(record, file.name(), start));
                recordCount++;
                return start;
            }).orElse(-1L);
        }

        /**
         * A POST or PUT request keys its response as pywb does ({@code ?__wb_method=post&body fields}), so that
         * different POSTs to one URL do not collapse into one capture: the response just written when the request
         * follows it, else the response still to come (linked either way by WARC-Concurrent-To).
         */
        private void postKey(WarcRequest request, long start) {
            PostKey keyed;
            try {
                keyed = records.postKey(request);
            } catch (IOException | RuntimeException e) {
                badRecord(start, "request body unreadable, its response is keyed by URL alone: " + e.getMessage());
                return;
            }
            if (keyed == null) return;
            List<String> responses = request.concurrentTo().stream().map(URI::toString).toList();
            if (!batch.isEmpty()) {
                QueuedCapture last = batch.get(batch.size() - 1);
                if (responses.contains(String.valueOf(last.row().recordId()))) {
                    batch.set(batch.size() - 1, last.withRow(keyed.keyed(last.row())));
                    return;
                }
            }
            postKeys.await(request, responses, keyed);
        }

        /** The pending capture's length is known now: it ends where the next record starts. */
        private void settle(long end) {
            if (pending == null) return;
            CaptureRow r = pending.row();
            long length = end - r.offset();
            if (length > 0) {
                batch.add(pending.withRow(r.withLength(length)));
                batchPayload += pending.payloadBytes();
            }
            pending = null;
        }

        /** Hands the batch to the writer, to commit with the mark at {@code mark}. */
        private void flush(long mark) {
            if (batch.isEmpty() && mark <= file.indexedBytes()) return;
            committer.commit(batch, mark);
            batch = new ArrayList<>();
            batchPayload = 0;
        }

        private void badRecord(long offset, Exception e) {
            badRecord(offset, BadRecord.reasonOf(e));
        }

        private void badRecord(long offset, String reason) {
            // an offset inside the file, whatever the parser's position was when it gave up
            long inside = Math.max(0, Math.min(offset, size - 1));
            BadRecord record = new BadRecord(file.name(), inside, BadRecord.printable(reason));
            badCount++;
            if (bad.size() < MAX_BAD_RECORDS_KEPT) bad.add(record);
            listener.badRecord(record);
        }
    }
}
