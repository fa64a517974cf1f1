package org.warctrail.index;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import org.warctrail.extract.Document;

/**
 * The extractions of one indexing pass, on the {@link ExtractionPool} while the pass reads on: the reading thread
 * submits each document's payload in record order and gets its document as a future, which the writing thread
 * waits for in the same order ({@link BatchCommitter}).
 *
 * <p>Memory is bounded by bytes, since payloads of up to {@link CaptureRecords#MAX_EXTRACT_BYTES} are held in
 * memory: the payloads submitted and not yet extracted take at most {@code inFlightBytes} (each counted with a
 * small overhead, so that many tiny ones are bounded too), and {@link #submit} waits until there is room. A
 * payload larger than the budget takes all of it: it is extracted alone.
 *
 * <p>{@link UnfinishedExtractions} keeps its protection: each extraction is noted as it starts and finishes, a
 * record started {@value UnfinishedExtractions#GIVE_UP_AFTER} times without finishing is not extracted again,
 * and a record started once before without finishing is extracted alone, nothing beside it. A process that died
 * while several extractions were under way counted a start against each; extracted alone, the one that kills it
 * again is the only one counted twice, and its neighbours, extracted meanwhile, are cleared.
 */
final class RecordExtractions {
    /** Memory counted for a payload beside its bytes: its row, its document's fields. */
    private static final int OVERHEAD = 1024;

    private final DocumentExtractor extractor;
    private final UnfinishedExtractions unfinished;
    private final Consumer<String> notices;
    private final ExtractionPool pool;
    private final int budget;
    private final Semaphore room;
    private final Set<CompletableFuture<Document>> open = ConcurrentHashMap.newKeySet();

    /**
     * @param notices       hears of each record indexed without extraction because the process died in it before
     * @param inFlightBytes payload bytes submitted and not yet extracted, at most
     */
    RecordExtractions(DocumentExtractor extractor, UnfinishedExtractions unfinished, Consumer<String> notices,
                      ExtractionPool pool, int inFlightBytes) {
        this.extractor = extractor;
        this.unfinished = unfinished;
        this.notices = notices;
        this.pool = pool;
        this.budget = inFlightBytes;
        this.room = new Semaphore(inFlightBytes);
    }

    /**
     * Submits the extraction of the record at {@code offset} of {@code file}, waiting for room first. The future
     * completes with the document (a failure document when extraction failed), or exceptionally with an Error that
     * escaped the extractor.
     */
    CompletableFuture<Document> submit(String file, long offset, DocumentPayload payload) {
        int starts = unfinished.starts(file, offset);
        if (starts >= UnfinishedExtractions.GIVE_UP_AFTER) {
            String why = "its extraction was started " + starts + " times and never finished (the process died "
                    + "while extracting it)";
            notices.accept(file + ": the record at offset " + offset + " (" + payload.url() + ") is indexed without "
                    + "extraction: " + why + "; it is not tried again (delete " + UnfinishedExtractions.DIRECTORY
                    + "/ in the store to try again)");
            return CompletableFuture.completedFuture(payload.failed("not extracted: " + why));
        }
        int cost = starts > 0 ? budget : (int) Math.min(budget, (long) payload.bytes().length + OVERHEAD);
        room.acquireUninterruptibly(cost);
        CompletableFuture<Document> document = new CompletableFuture<>();
        open.add(document);
        try {
            pool.execute(() -> extract(file, offset, payload, cost, document));
        } catch (RuntimeException | Error e) {
            // no thread to run it (the JVM out of threads, say): the writer meets this as the record's failure
            done(document, cost);
            document.completeExceptionally(e);
        }
        return document;
    }

    private void extract(String file, long offset, DocumentPayload payload, int cost,
                         CompletableFuture<Document> document) {
        try {
            if (document.isDone()) return; // cancelled while it waited: the pass stopped
            unfinished.begin(file, offset);
            Document extracted = payload.extract(extractor);
            unfinished.finish(file, offset); // not reached when an Error escapes: its start stays noted
            document.complete(extracted);
        } catch (Throwable e) {
            document.completeExceptionally(e);
        } finally {
            done(document, cost);
        }
    }

    private void done(CompletableFuture<Document> document, int cost) {
        open.remove(document);
        room.release(cost);
    }

    /** Stops the pass's extractions: those waiting never run, and whoever waits for any of them is told at once. */
    void cancelAll() {
        for (CompletableFuture<Document> document : open) document.cancel(false);
    }
}
