package org.warctrail.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs one document's extraction on a worker thread (one per calling thread, kept between documents), under a time limit and a memory watch, so that a
 * hostile payload (a decompression bomb, markup that makes a parser quadratic) costs a bounded amount and ends as
 * a failed document instead of a hung or out-of-memory JVM.
 *
 * <p>Tika's parsers, PDFBox, POI and Jsoup never check for interruption, so a worker past its limit is stopped with
 * {@link Thread#stop()}: the only way to unwind a parser's stack (and free what it holds) from outside. Each parse
 * works on objects of its own, so what an unwound parse leaves half built is garbage. Where the JVM no longer
 * supports stopping threads the worker is interrupted and left behind (a daemon thread), and the caller still
 * returns on time.
 *
 * <p>Memory: while waiting, the caller looks at the heap after the last garbage collection; past {@value
 * #HEAP_SHARE_PERCENT}% full, a worker that allocated more than a quarter of the heap since it began is taken to be
 * the cause and stopped. An {@link OutOfMemoryError} inside the worker also ends only that document.
 */
final class BoundedWork {
    static final int HEAP_SHARE_PERCENT = 80;
    private static final long POLL_MILLIS = 50;
    private static final AtomicLong THREADS = new AtomicLong();
    private static final com.sun.management.ThreadMXBean THREAD_BEAN =
            ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                    && t.isThreadAllocatedMemorySupported() ? t : null;

    /** Why a piece of work was given up. */
    static final class LimitExceeded extends Exception {
        private static final long serialVersionUID = 1L;

        LimitExceeded(String message) {
            super(message, null, false, false);
        }
    }

    private BoundedWork() {
    }

    /**
     * The work's result, computed on a worker thread within {@code maxMillis}.
     *
     * @throws LimitExceeded when the work ran out of time or memory (the message says which)
     * @throws ExecutionException when the work threw; its cause is what it threw
     */
    static <T> T run(Callable<T> work, long maxMillis) throws LimitExceeded, ExecutionException {
        CompletableFuture<T> result = new CompletableFuture<>();
        long[] allocatedAtStart = {-1};
        Runnable task = () -> {
            allocatedAtStart[0] = allocated(Thread.currentThread());
            try {
                result.complete(work.call());
            } catch (OutOfMemoryError e) {
                result.completeExceptionally(new LimitExceeded("ran out of memory"));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        };
        Worker kept = WORKER.get();
        Worker worker = kept != null && kept.give(task) ? kept : null;
        if (worker == null) {
            worker = new Worker(task);
            WORKER.set(worker);
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(maxMillis);
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    stop(worker, task);
                    throw new LimitExceeded("took longer than " + seconds(maxMillis));
                }
                try {
                    return result.get(Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (heapNearlyFull() && allocatedSince(worker.thread, allocatedAtStart[0]) > Runtime.getRuntime().maxMemory() / 4) {
                        stop(worker, task);
                        throw new LimitExceeded("needed more memory than the heap can spare ("
                                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB)");
                    }
                }
            }
        } catch (InterruptedException e) {
            stop(worker, task);
            Thread.currentThread().interrupt();
            throw new LimitExceeded("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LimitExceeded limit) throw limit;
            throw e;
        }
    }

    /**
     * The worker of the calling thread, kept for its next piece of work: a thread started per document cost more
     * than many a document's extraction. Forgotten when stopped; it ends by itself after a while without work.
     */
    private static final ThreadLocal<Worker> WORKER = new ThreadLocal<>();

    private static final class Worker {
        private static final long IDLE_SECONDS = 30;
        private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
        private final Thread thread;
        private boolean retired;
        /** The task running now, or null between tasks: only a running task is stopped. */
        private Runnable running;

        Worker(Runnable first) {
            tasks.add(first);
            thread = new Thread(this::loop, "warctrail-extract-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            thread.start();
        }

        /** Hands the task over; false when the worker has ended (idle too long) and a new one is needed. */
        synchronized boolean give(Runnable task) {
            if (retired || !thread.isAlive()) return false;
            tasks.add(task);
            return true;
        }

        /**
         * Ends the worker; unwinds the task's stack if it still runs it. Never while the worker waits for work:
         * a ThreadDeath inside the queue's lock would break the lock (and print). Delivered while the worker
         * leaves the task, it ends the worker there, silently, as a ThreadDeath does.
         */
        @SuppressWarnings({"deprecation", "removal"})
        synchronized void stop(Runnable task) {
            retired = true;
            thread.interrupt();
            if (running != task) return;
            try {
                thread.stop();
            } catch (UnsupportedOperationException e) {
                // Java 20 and later: the interrupted worker is left to finish on its own (a daemon thread)
            }
        }

        private void loop() {
            try {
                while (true) {
                    Runnable task = tasks.poll(IDLE_SECONDS, TimeUnit.SECONDS);
                    if (task != null) {
                        synchronized (this) {
                            if (retired) return;
                            running = task;
                        }
                        try {
                            task.run();
                        } finally {
                            synchronized (this) {
                                running = null;
                            }
                        }
                        continue;
                    }
                    synchronized (this) {
                        if (tasks.isEmpty()) {
                            retired = true;
                            return;
                        }
                    }
                }
            } catch (InterruptedException e) {
                synchronized (this) {
                    retired = true; // stopped while waiting for work (a stop that came just after its work ended)
                }
            }
        }
    }

    private static String seconds(long millis) {
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static void stop(Worker worker, Runnable task) {
        WORKER.remove();
        worker.stop(task);
    }

    private static long allocated(Thread t) {
        return THREAD_BEAN == null ? -1 : THREAD_BEAN.getThreadAllocatedBytes(t.getId());
    }

    private static long allocatedSince(Thread t, long start) {
        long now = allocated(t);
        // without per-thread accounting, the heap being full while this work runs is all there is to go on
        return now < 0 || start < 0 ? Long.MAX_VALUE : now - start;
    }

    /** Whether some heap pool with a maximum was still more than {@value #HEAP_SHARE_PERCENT}% full after its last collection. */
    static boolean heapNearlyFull() {
        for (MemoryPoolMXBean pool : HEAP_POOLS) {
            MemoryUsage after = pool.getCollectionUsage();
            if (after != null && after.getMax() > 0 && after.getUsed() * 100 > after.getMax() * HEAP_SHARE_PERCENT) return true;
        }
        return false;
    }

    private static final List<MemoryPoolMXBean> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP && p.isCollectionUsageThresholdSupported()).toList();
}
