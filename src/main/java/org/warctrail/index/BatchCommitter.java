package org.warctrail.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.warctrail.extract.Document;

/**
 * The writing side of one indexing pass: a thread of its own takes the batches the reading thread cuts, in order,
 * waits for each capture's document in record order, commits the batch with the file's mark ({@link IndexWriter})
 * and then lets the derivations run ({@link Derivations#afterCommit}); meanwhile the reading thread reads the next
 * batch and the pool extracts it. Rows are inserted in record order, one batch after the other, as a pass on one
 * thread inserts them: the same row ids, the same index.
 *
 * <p>One batch waits beside the one being written, at most: handing over the next blocks until the writer takes it.
 * After a failure the writer writes nothing more and takes what it is handed, so the reading thread never blocks
 * on it; the reading thread sees the failure ({@link #throwIfFailed}) at its next record.
 */
final class BatchCommitter {
    private static final AtomicInteger THREADS_MADE = new AtomicInteger();
    /** Writer threads, reused by the passes one after the other (a capture indexes each page's records by a pass). */
    private static final ExecutorService WRITERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "warctrail-index-writer-" + THREADS_MADE.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** An Error that escaped the extraction of one record: the pass dies of it, naming the record. */
    static final class ExtractionDied extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String url;
        final long offset;

        ExtractionDied(QueuedCapture capture, Error error) {
            super(error);
            this.url = capture.row().url();
            this.offset = capture.row().offset();
        }

        Error error() {
            return (Error) getCause();
        }
    }

    /** What the committed batches held. */
    record Totals(long captures, long documents, long extractionErrors) {
    }

    private record Batch(List<QueuedCapture> captures, long mark) {
    }

    private static final Batch END = new Batch(List.of(), -1);

    private final IndexWriter writer;
    private final Derivations derivations;
    private final long fileId;
    private final long size;
    private final long mtime;
    private final SynchronousQueue<Batch> handoff = new SynchronousQueue<>();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile Throwable failure;
    /** Whether the reading thread handed the end over (read by it alone). */
    private boolean ended;
    // written by the writer thread, read after it finished
    private long captures;
    private long documents;
    private long extractionErrors;

    /** Starts the writer thread for a pass over the file {@code fileId}, of this size and mtime. */
    BatchCommitter(IndexWriter writer, Derivations derivations, long fileId, long size, long mtime) {
        this.writer = writer;
        this.derivations = derivations;
        this.fileId = fileId;
        this.size = size;
        this.mtime = mtime;
        WRITERS.execute(this::writeAll);
    }

    /** Hands a batch over, to commit with the file's mark at {@code mark}; waits while the writer is busy. */
    void commit(List<QueuedCapture> batch, long mark) {
        throwIfFailed();
        hand(new Batch(batch, mark));
    }

    /** Throws what stopped the writer, if anything did: the pass stops there. */
    void throwIfFailed() {
        Throwable f = failure;
        if (f == null) return;
        if (f instanceof RuntimeException e) throw e;
        if (f instanceof Error e) throw e;
        throw new IllegalStateException(f);
    }

    /** Waits until every batch handed over is committed, and says what they held; throws what stopped the writer. */
    Totals finish() {
        ended = true;
        hand(END);
        awaitWriter();
        throwIfFailed();
        return new Totals(captures, documents, extractionErrors);
    }

    /**
     * Ends a pass that stops on a failure of its own: batches not yet committed are dropped (their records are
     * read again by the next pass, from the file's mark). Returns when the writer thread is done with the pass.
     */
    void abandon(RecordExtractions extractions) {
        extractions.cancelAll();
        if (!ended) {
            ended = true;
            hand(END);
        }
        awaitWriter();
    }

    private void hand(Batch batch) {
        boolean interrupted = false;
        while (true) {
            try {
                handoff.put(batch);
                break;
            } catch (InterruptedException e) {
                interrupted = true; // a pass ends its batches whatever interrupts it: the mark must stay right
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void awaitWriter() {
        boolean interrupted = false;
        while (true) {
            try {
                finished.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
    }

    private void writeAll() {
        try {
            while (true) {
                Batch batch;
                try {
                    batch = handoff.take();
                } catch (InterruptedException e) {
                    continue; // the pool's threads are interrupted by nothing of ours
                }
                if (batch == END) break;
                if (failure != null) continue; // drained, so that the reading thread never blocks
                try {
                    write(batch);
                } catch (RuntimeException | Error e) {
                    failure = e;
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private void write(Batch batch) {
        List<IndexedCapture> ready = new ArrayList<>(batch.captures().size());
        for (QueuedCapture c : batch.captures()) ready.add(new IndexedCapture(c.row(), documentOf(c)));
        int added = writer.write(fileId, ready, batch.mark(), size, mtime);
        captures += added;
        if (added > 0) derivations.afterCommit();
        for (IndexedCapture c : ready) {
            if (c.document() != null) {
                documents++;
                if (c.document().error() != null) extractionErrors++;
            }
        }
    }

    /** The capture's document, once extracted; a cancelled one (the pass stopped) throws, and nothing is written. */
    private static Document documentOf(QueuedCapture capture) {
        if (capture.document() == null) return null;
        try {
            return capture.document().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) throw new ExtractionDied(capture, error);
            throw new IllegalStateException("the extraction of " + capture.row().url() + " failed: "
                    + e.getCause(), e.getCause());
        }
    }
}
