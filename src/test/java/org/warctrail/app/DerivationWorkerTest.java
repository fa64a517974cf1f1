package org.warctrail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.DerivationStatus;
import org.warctrail.index.Deriver;
import org.warctrail.index.TestWarcs;
import org.warctrail.store.RotatingWarcWriter;

/**
 * A server's archive derives on one background thread: opening a store with a backlog returns at once, captures
 * indexed meanwhile are queued rather than derived on the indexing thread, a capture that fails is marked failed
 * and the rest derived, and closing stops the worker after the capture it derives, leaving the rest pending.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DerivationWorkerTest {
    private static final int BACKLOG = 30;

    @TempDir
    Path dir;

    private final List<String> notices = Collections.synchronizedList(new ArrayList<>());

    /** A deriver that waits at a gate before each capture, notes the thread, and fails the broken page. */
    private static final class Gated implements Deriver {
        final CountDownLatch gate = new CountDownLatch(1);
        final Set<String> threads = ConcurrentHashMap.newKeySet();
        final AtomicInteger derived = new AtomicInteger();
        /** Set by a test: called on the worker after each capture derived. */
        volatile Runnable after = () -> { };

        @Override
        public String name() {
            return "gated";
        }

        @Override
        public Batch batch(CaptureIndex index) {
            return capture -> {
                assertTrue(gate.await(60, TimeUnit.SECONDS), "the gate stayed shut");
                threads.add(Thread.currentThread().getName());
                if (capture.row().url().contains("broken")) {
                    throw new IllegalStateException("cannot derive " + capture.row().url());
                }
                derived.incrementAndGet();
                after.run();
                return Write.NOTHING;
            };
        }
    }

    private static void write(Archive archive, int from, int to) throws IOException {
        try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            for (int i = from; i < to; i++) {
                String url = "http://news.example/" + (i == 7 ? "broken" : "story") + "-" + i + ".html";
                WarcRecord r = TestWarcs.html(url, "202401010000" + String.format("%02d", i % 60),
                        "<html><title>Story " + i + "</title><body><p>The council met on day " + i
                                + " and agreed the budget.</p></body></html>");
                sink.write(List.of(r));
            }
            sink.awaitIndexed();
        }
    }

    /** A store of {@link #BACKLOG} captures, all pending derivation (as after a schema upgrade). */
    private void storeWithBacklog() throws Exception {
        try (Archive archive = Archive.open(dir, notices::add, TestWarcs.FAKE_EXTRACTOR, List.of())) {
            write(archive, 0, BACKLOG);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("index.sqlite"));
             Statement st = c.createStatement()) {
            st.execute("INSERT OR IGNORE INTO derivations (capture_id, state) SELECT id, 'pending' FROM captures");
        }
    }

    private static void await(BooleanSupplier condition, String failure) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, failure);
            Thread.sleep(10);
        }
    }

    @Test
    void theBacklogAndNewCapturesAreDerivedInTheBackground() throws Exception {
        storeWithBacklog();
        Gated gated = new Gated();
        try (Archive archive = Archive.openDerivingInBackground(dir, notices::add, TestWarcs.FAKE_EXTRACTOR,
                List.of(gated))) {
            // open returned with the worker held at its first capture: nothing derived yet
            assertEquals(new DerivationStatus(0, BACKLOG, 0, List.of()), archive.derivations().status());
            // a capture indexed now is queued, not derived on the indexing thread (the gate would hold it)
            write(archive, BACKLOG, BACKLOG + 5);
            assertEquals(BACKLOG + 5, archive.derivations().status().pending());
            assertEquals(0, gated.derived.get());

            gated.gate.countDown();
            await(() -> archive.derivations().status().pending() == 0, "the backlog was not derived");
            DerivationStatus status = archive.derivations().status();
            assertEquals(BACKLOG + 4, status.done());
            assertEquals(1, status.failed());
            assertTrue(status.failures().get(0).url().contains("broken"), status.toString());
            assertTrue(status.failures().get(0).reason().startsWith("gated: IllegalStateException: cannot derive"),
                    status.failures().get(0).reason());
            assertEquals(Set.of("warctrail-derive"), gated.threads);
        }
        assertEquals(List.of(), notices);
    }

    @Test
    void closingStopsAfterTheCaptureBeingDerivedAndLeavesTheRestPending() throws Exception {
        storeWithBacklog();
        Gated gated = new Gated();
        CountDownLatch fifth = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        gated.after = () -> {
            if (gated.derived.get() == 5) {
                fifth.countDown();
                try {
                    proceed.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        gated.gate.countDown();
        Archive archive = Archive.openDerivingInBackground(dir, notices::add, TestWarcs.FAKE_EXTRACTOR,
                List.of(gated));
        assertTrue(fifth.await(30, TimeUnit.SECONDS), "the worker did not derive");
        Thread closer = new Thread(archive::close, "closer");
        closer.start();
        // the closer has asked the worker to stop and waits for it
        await(() -> closer.getState() == Thread.State.TIMED_WAITING, "close did not wait for the worker");
        proceed.countDown();
        closer.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(closer.isAlive(), "close did not return");
        assertEquals(5, gated.derived.get(), "the worker went on after close");
        assertEquals(List.of(), notices);

        AtomicInteger rest = new AtomicInteger();
        Deriver counting = new Deriver() {
            @Override
            public String name() {
                return "counting";
            }

            @Override
            public Batch batch(CaptureIndex index) {
                return capture -> {
                    rest.incrementAndGet();
                    return Write.NOTHING;
                };
            }
        };
        try (Archive reopened = Archive.openForReading(dir, notices::add, TestWarcs.FAKE_EXTRACTOR,
                List.of(counting))) {
            assertEquals(new DerivationStatus(5, BACKLOG - 5, 0, List.of()), reopened.derivations().status());
            reopened.derivations().run();
            assertEquals(new DerivationStatus(BACKLOG, 0, 0, List.of()), reopened.derivations().status());
        }
        assertEquals(BACKLOG - 5, rest.get());
    }
}
