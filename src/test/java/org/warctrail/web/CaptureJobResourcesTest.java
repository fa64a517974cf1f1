package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.DocumentExtractor;

/** A tab that does not read never slows the crawler; finished jobs are forgotten after a while. */
class CaptureJobResourcesTest {
    @TempDir
    Path dir;

    private static Socket follow(int port) throws Exception {
        Socket s = new Socket("127.0.0.1", port);
        s.setReceiveBufferSize(4096);
        OutputStream out = s.getOutputStream();
        out.write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    @Test
    @Timeout(60)
    void aClientThatDoesNotReadNeverBlocksPublishing() throws Exception {
        CaptureJob job = new CaptureJob(1, "http://example.com/", 0);
        job.running();
        Javalin app = Javalin.create(cfg -> cfg.routes.sse("/events", job::follow)).start("127.0.0.1", 0);
        try (Socket stalled = follow(app.port()); Socket reader = follow(app.port())) {
            BufferedReader in = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
            // both followers are registered once the reader sees the first event
            job.publish("progress", Map.of("n", -1));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("data:")) {
                assertTrue(System.nanoTime() < deadline, "no first event");
            }
            String big = "x".repeat(16 * 1024);
            long t0 = System.nanoTime();
            // 64 MB of events: far more than the stalled socket's buffers hold
            for (int i = 0; i < 4000; i++) job.publish("fetched", Map.of("n", i, "pad", big));
            long publishMillis = (System.nanoTime() - t0) / 1_000_000;
            job.finish(null, null, Map.of("done", true), Instant.EPOCH);
            assertTrue(publishMillis < 15_000, "publishing blocked on a stalled client: " + publishMillis + " ms");
            assertTrue(stalled.isConnected());
        } finally {
            // the sockets are closed: let both streams end before the server goes (Jetty recycles their requests)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (job.following() > 0 && System.nanoTime() < deadline) Thread.onSpinWait();
            app.stop();
        }
        assertEquals(0, job.following(), "a stream did not end after its client left");
    }

    @Test
    @Timeout(60)
    void finishedJobsAreEvictedAfterTheirTime() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.NONE);
             CaptureJobs jobs = new CaptureJobs(archive, b -> b.delayMillis(0), true, clock, Duration.ofMinutes(10))) {
            // nothing listens on port 1: the capture ends at once, without the network
            CaptureJob job = jobs.start("http://127.0.0.1:1/", 0);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!job.finished()) {
                assertTrue(System.nanoTime() < deadline, "the capture did not end");
                Thread.sleep(20);
            }
            assertEquals(job, jobs.job(job.id()).orElseThrow());
            clock.now = clock.now.plus(Duration.ofMinutes(9));
            assertTrue(jobs.job(job.id()).isPresent(), "kept for its time");
            clock.now = clock.now.plus(Duration.ofMinutes(2));
            assertTrue(jobs.job(job.id()).isEmpty(), "forgotten after it");
        }
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
