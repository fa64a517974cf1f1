package org.warctrail.index;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.store.ArcHeaderRepair;
import org.warctrail.store.FilePrefixChannel;

/**
 * Indexes the records of a WARC or ARC file from a byte offset to its end, streaming in constant memory.
 * A record's offset is jwarc's {@code reader.position()} right after {@code next()}; its length runs to the next
 * record's offset (the end of the file for the last). Rows become visible in batches, each committed with the
 * file's {@code indexed_bytes} mark, so indexing resumes where it stopped.
 */
public final class WarcIndexer {
    /** Records per transaction. */
    static final int BATCH_RECORDS = 2000;
    /** Extracted text per transaction, so a batch of big documents does not pile up in memory. */
    static final long BATCH_TEXT = 16 << 20;
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

        Listener NONE = new Listener() {
        };
    }

    private final IndexWriter writer;
    private final CaptureRecords records;

    private final CaptureIndex index;
    private final List<IndexingHook> hooks = IndexingHook.installed();

    public WarcIndexer(CaptureIndex index, DocumentExtractor extractor) {
        this.index = index;
        this.writer = new IndexWriter(index.connections());
        this.records = new CaptureRecords(extractor);
    }

    public FileIndexReport index(IndexedFile file, Path path, Options options, Listener listener) throws IOException {
        return new Run(file, path, options, listener).run();
    }

    /** The state of one pass over one file. */
    private final class Run {
        private final IndexedFile file;
        private final Path path;
        private final Options options;
        private final Listener listener;
        private final List<IndexedCapture> batch = new ArrayList<>();
        private final List<BadRecord> bad = new ArrayList<>();
        private long batchText;
        private IndexedCapture pending;
        private long recordCount;
        private long captures;
        private long documents;
        private long extractionErrors;
        private long badCount;
        private long shared;
        private long size;
        private long mtime;

        Run(IndexedFile file, Path path, Options options, Listener listener) {
            this.file = file;
            this.path = path;
            this.options = options;
            this.listener = listener;
        }

        FileIndexReport run() throws IOException {
            size = Files.size(path);
            mtime = Files.getLastModifiedTime(path).toMillis();
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
                        if (batch.size() >= BATCH_RECORDS || batchText >= BATCH_TEXT) flush(start);
                        try {
                            pending = records.describe(next.get(), file.name(), start);
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
            listener.progress(stoppedAt);
            if (shared > 0 && !options.stopOnSharedMember()) {
                badRecord(lastStart, shared + " record(s) share one gzip member with the record before (a whole-file "
                        + "gzip); they cannot be addressed and were not indexed. Import without --in-place to store "
                        + "the file so that they can be.");
            }
            return new FileIndexReport(file.name(), recordCount, captures, documents, extractionErrors, List.copyOf(bad),
                    shared, stoppedAt);
        }

        /**
         * An ARC record with spaces in its URL, which jwarc refuses and warcio reads (see {@link ArcHeaderRepair}):
         * it becomes the pending capture. Returns where its header starts, or -1 when the record at {@code at} is
         * not one.
         */
        private long readRepairedArc(long at) throws IOException {
            Optional<ArcHeaderRepair.Repaired> repaired = ArcHeaderRepair.open(path, at);
            if (repaired.isEmpty()) return -1;
            long start = repaired.get().headerStart();
            try (WarcReader reader = new WarcReader(repaired.get().channel())) {
                reader.setLenient(true);
                Optional<WarcRecord> record = reader.next();
                if (record.isEmpty()) return -1;
                pending = records.describe(record.get(), file.name(), start);
                recordCount++;
                return start;
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }

        /** The pending capture's length is known now: it ends where the next record starts. */
        private void settle(long end) {
            if (pending == null) return;
            CaptureRow r = pending.row();
            long length = end - r.offset();
            if (length > 0) {
                CaptureRow row = new CaptureRow(r.id(), r.surt(), r.timestamp(), r.url(), r.status(), r.mime(),
                        r.digest(), r.recordType(), r.offset(), length, r.file(), r.recordId(), r.redirect(),
                        r.refersToUrl(), r.refersToTimestamp());
                batch.add(new IndexedCapture(row, pending.document()));
                if (pending.document() != null) {
                    String text = pending.document().text();
                    batchText += text == null ? 0 : text.length();
                }
            }
            pending = null;
        }

        private void flush(long mark) {
            if (batch.isEmpty() && mark <= file.indexedBytes()) return;
            int added = writer.write(file.id(), batch, mark, size, mtime, !options.resync());
            captures += added;
            if (added > 0) runHooks();
            for (IndexedCapture c : batch) {
                if (c.document() != null) {
                    documents++;
                    if (c.document().error() != null) extractionErrors++;
                }
            }
            batch.clear();
            batchText = 0;
        }

        /** Later stages' work on the new documents (reuse detection): reported when it fails, never fatal. */
        private void runHooks() {
            for (IndexingHook hook : hooks) {
                try {
                    hook.documentsIndexed(index);
                } catch (Exception e) {
                    LoggerFactory.getLogger(WarcIndexer.class).warn("{} failed after indexing {}: {}",
                            hook.getClass().getSimpleName(), file.name(), e.toString());
                }
            }
        }

        private void badRecord(long offset, Exception e) {
            badRecord(offset, reason(e));
        }

        private void badRecord(long offset, String reason) {
            // an offset inside the file, whatever the parser's position was when it gave up
            long inside = Math.max(0, Math.min(offset, size - 1));
            BadRecord record = new BadRecord(file.name(), inside, printable(reason));
            badCount++;
            if (bad.size() < MAX_BAD_RECORDS_KEPT) bad.add(record);
            listener.badRecord(record);
        }
    }

    /** Why a record could not be read, as a sentence (not "No value present" or a null pointer's message). */
    static String reason(Exception e) {
        String message = e.getMessage();
        if (e instanceof java.io.EOFException) {
            return "the record ends before its Content-Length says" + (message == null ? "" : " (" + message + ")");
        }
        if (e instanceof java.util.NoSuchElementException || e instanceof NullPointerException) {
            return "a header the record needs is missing or empty (" + e.getClass().getSimpleName() + ")";
        }
        if (e instanceof java.util.zip.ZipException) return "damaged gzip data: " + message;
        if (e instanceof java.time.format.DateTimeParseException) return "unreadable date: " + message;
        if (message == null || message.isBlank()) return "unreadable record (" + e.getClass().getSimpleName() + ")";
        return message;
    }

    /**
     * A one-line reason: jwarc's parse errors quote the offending bytes, which may be binary, and write a byte
     * above 0x7f sign-extended ({@code \xffffffcf}); it is shown as the byte it is ({@code \xcf}).
     */
    static String printable(String reason) {
        reason = reason.replaceAll("\\\\xffffff([0-9a-fA-F]{2})", "\\\\x$1");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < reason.length() && out.length() < 300; i++) {
            char c = reason.charAt(i);
            out.append(c >= 0x20 && c < 0x7f || Character.isLetterOrDigit(c) ? c : c == '\n' ? ' ' : '?');
        }
        return out.toString();
    }
}
