package org.warctrail.index;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that extract documents while indexing reads on: as many as the machine has cores, shared by every
 * indexing pass of the process (an import, a reindex, captures indexing beside each other), so that passes at
 * once do not multiply them. Daemon threads that end after a while idle, so a pool needs no closing. What waits
 * in its queue is bounded by each pass ({@link RecordExtractions}), not here.
 */
final class ExtractionPool {
    private static final ExtractionPool SHARED = new ExtractionPool(Runtime.getRuntime().availableProcessors());

    private final ThreadPoolExecutor executor;

    /** @param threads extractions at once (1: one after the other, in record order) */
    ExtractionPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("an extraction pool needs a thread, not " + threads);
        AtomicInteger made = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "warctrail-extract-" + made.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** The process's pool, one thread per core. */
    static ExtractionPool shared() {
        return SHARED;
    }

    /** Runs the task on a pool thread; throws what starting a thread throws (an Error when the JVM has none left). */
    void execute(Runnable task) {
        executor.execute(task);
    }
}
