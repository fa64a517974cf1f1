package org.warctrail.index;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One background thread that derives what the {@link Derivations} queue holds, so that a server starts at once on
 * a store with a backlog (a schema upgrade queues every capture again) and its captures never wait for derivation.
 * Indexing wakes it after each committed batch instead of deriving on its own thread.
 *
 * <p>Thread contract: {@link #wake} and {@link #close} may be called from any thread. The worker derives one
 * capture at a time and looks between captures whether it should stop; {@link #close} waits for it to store what
 * it derived and return, so the index can be closed after it.
 */
public final class DerivationWorker implements AutoCloseable {
    /** How long {@link #close} waits for the capture being derived and the batch being stored. */
    static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final Object lock = new Object();
    private final Supplier<Derivations> derivations;
    private final Consumer<String> notices;
    private final Thread thread;
    private boolean wanted;
    private volatile boolean stopping;

    /** @param derivations the archive's queue now (reindex replaces it) */
    public DerivationWorker(Supplier<Derivations> derivations, Consumer<String> notices) {
        this.derivations = derivations;
        this.notices = notices;
        this.thread = new Thread(this::loop, "warctrail-derive");
        thread.setDaemon(true);
    }

    public DerivationWorker start() {
        thread.start();
        return this;
    }

    /** Asks the worker to derive what is pending; returns at once. */
    public void wake() {
        synchronized (lock) {
            wanted = true;
            lock.notifyAll();
        }
    }

    private void loop() {
        while (true) {
            synchronized (lock) {
                while (!wanted && !stopping) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (stopping) return;
                wanted = false;
            }
            // a run never throws: what fails is marked failed, or told to the notices and left for the next run
            derivations.get().run(() -> stopping);
        }
    }

    /** Stops the worker after the capture it derives now, once what it derived is stored. */
    @Override
    public void close() {
        stopping = true;
        synchronized (lock) {
            lock.notifyAll();
        }
        if (Thread.currentThread() == thread) return;
        try {
            thread.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            notices.accept("derivation did not stop within " + STOP_WAIT.toSeconds() + " s; what it had not stored"
                    + " stays pending");
        }
    }
}
