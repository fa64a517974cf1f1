package org.warctrail.capture;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The threads a crawl fetches on: the crawler starts a fetch for a host, and takes what it {@link Fetched} in the
 * order the fetches end. Only the crawler's thread calls these methods; the jobs never touch its state.
 */
final class FetchThreads implements Closeable {
    private final ExecutorService executor;
    private final BlockingQueue<Fetched> done = new LinkedBlockingQueue<>();
    private int running;

    FetchThreads(int threads) {
        AtomicInteger made = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "warctrail-fetch-" + made.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs a fetch on a thread of its own; an Error it throws comes back as the result's error. */
    void start(CrawlUrl item, Supplier<Fetched> fetch) {
        running++;
        executor.execute(() -> {
            Fetched result;
            try {
                result = fetch.get();
            } catch (RuntimeException | Error e) {
                result = Fetched.failed(item, e);
            }
            done.add(result);
        });
    }

    /** Fetches started and not yet taken. */
    int running() {
        return running;
    }

    /** The next fetch to end, waiting at most {@code timeoutNanos} for one; null when none ended by then. */
    Fetched next(long timeoutNanos) throws InterruptedException {
        Fetched f = done.poll(timeoutNanos, TimeUnit.NANOSECONDS);
        if (f != null) {
            running--;
        }
        return f;
    }

    /**
     * Lets the fetches under way end (each is bounded by the crawl's timeout) and closes what they received and
     * nobody recorded: a crawl that stops on a failure of its own leaves no spool files behind.
     */
    @Override
    public void close() {
        executor.shutdown();
        boolean interrupted = false;
        while (true) {
            try {
                if (executor.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        for (Fetched f; (f = done.poll()) != null; ) {
            for (Exchange exchange : f.exchanges()) {
                try {
                    exchange.close();
                } catch (IOException e) {
                    // a spool file that could not be deleted: nothing left to save
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
