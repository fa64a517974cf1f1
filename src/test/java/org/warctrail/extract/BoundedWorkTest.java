package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class BoundedWorkTest {
    @Test
    void resultAndFailureComeBackAsTheyAre() throws Exception {
        assertEquals("done", BoundedWork.run(() -> "done", 5_000));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> BoundedWork.run(() -> { throw new IllegalStateException("bad input"); }, 5_000));
        assertEquals("bad input", e.getCause().getMessage());
    }

    @Test
    void runningOutOfMemoryEndsOnlyThatWork() {
        BoundedWork.LimitExceeded e = assertThrows(BoundedWork.LimitExceeded.class,
                () -> BoundedWork.run(() -> { throw new OutOfMemoryError("Java heap space"); }, 5_000));
        assertEquals("ran out of memory", e.getMessage());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void workThatNeverChecksForInterruptionIsStoppedAtItsLimit() throws InterruptedException {
        AtomicBoolean stopped = new AtomicBoolean();
        long start = System.nanoTime();
        BoundedWork.LimitExceeded e = assertThrows(BoundedWork.LimitExceeded.class, () -> BoundedWork.run(() -> {
            try {
                long n = 0;
                while (n >= 0) n = (n + 1) % Long.MAX_VALUE; // a parser stuck in a loop, deaf to interrupts
                return n;
            } catch (ThreadDeath death) {
                stopped.set(true);
                throw death;
            }
        }, 200));
        assertEquals("took longer than 0.2 s", e.getMessage());
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!stopped.get() && System.nanoTime() < deadline) Thread.onSpinWait();
        assertTrue(stopped.get(), "the worker was stopped, not left spinning");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void oneWorkerServesOneCallerUntilItIsStopped() throws Exception {
        Thread first = BoundedWork.run(Thread::currentThread, 5_000);
        assertEquals(first, BoundedWork.run(Thread::currentThread, 5_000), "the worker is kept between pieces of work");
        assertTrue(first != Thread.currentThread());
        assertThrows(BoundedWork.LimitExceeded.class, () -> BoundedWork.run(() -> {
            long n = 0;
            while (n >= 0) n = (n + 1) % Long.MAX_VALUE;
            return n;
        }, 200));
        Thread after = BoundedWork.run(Thread::currentThread, 5_000);
        assertTrue(after != first, "a stopped worker is not given more work");
        assertEquals("still works", BoundedWork.run(() -> "still works", 5_000));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void workThatEndsJustAsItsTimeRunsOutLeavesNoBrokenWorker() throws Exception {
        // limits as long as the work: the caller's deadline and the work's end race; a worker must never be
        // stopped between tasks (a ThreadDeath in its queue's lock printed IllegalMonitorStateException)
        for (int i = 0; i < 300; i++) {
            try {
                BoundedWork.run(() -> {
                    long until = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(900);
                    while (System.nanoTime() < until) Thread.onSpinWait();
                    return null;
                }, 1);
            } catch (BoundedWork.LimitExceeded e) {
                // either way is right; what matters is what is printed (LogWatch fails the test on a stack trace)
            }
        }
        assertEquals("after the races", BoundedWork.run(() -> "after the races", 5_000));
    }
}
