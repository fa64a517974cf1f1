package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.WarcValidation;

/**
 * A capture killed with SIGKILL mid-crawl, in a child JVM as a user's would be: every finished record stays
 * readable, and the next command repairs a torn tail and indexes what the dead process left unindexed.
 */
class CrashRecoveryTest {
    @TempDir
    Path dir;

    @Test
    void killedCaptureLeavesARepairableStore() throws Exception {
        Path store = dir.resolve("store");
        try (FixtureWeb web = FixtureWeb.start()) {
            Process child = new ProcessBuilder(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "capture", "--store", store.toString(), "--proxy", web.proxy(), "--delay", "0",
                    "--follow", "all", "--depth", "100000", "--max-pages", "100000", FixtureWeb.TRAP.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("child.log").toFile())
                    .start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (totalWarcBytes(store) < 40_000 && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(20);
                }
                assertTrue(child.isAlive(), () -> "the capture ended before it could be killed: " + log());
            } finally {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flush
                child.waitFor(10, TimeUnit.SECONDS);
            }
        }
        // Simulate the worst case too: the kill landed in the middle of a gzip member.
        Path warc = warcs(store).get(0);
        try (FileChannel ch = FileChannel.open(warc, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 1, 2}));
        }

        CommandRun cdx = CommandRun.of("cdx", "--store", store.toString());
        assertEquals(0, cdx.exit(), cdx.err());
        assertTrue(cdx.err().contains("torn record"), "no repair notice: " + cdx.err());

        long readable = 0;
        for (Path file : warcs(store)) {
            assertTrue(WarcValidation.jwarcValidates(file), "jwarc rejects " + file + " after repair");
            try (WarcReader reader = new WarcReader(file)) {
                for (WarcRecord r : reader) {
                    if (r.type().equals("response") || r.type().equals("revisit")) readable++;
                }
            }
        }
        assertTrue(readable > 5, "too few records survived: " + readable);
        assertEquals(readable, cdx.out().lines().count(), "index and WARC files disagree");
        CommandRun again = CommandRun.of("cdx", "--store", store.toString());
        assertEquals(cdx.out(), again.out());
        assertTrue(again.err().isBlank(), "repaired twice: " + again.err());
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (Exception e) {
            return e.toString();
        }
    }

    private static List<Path> warcs(Path store) throws Exception {
        Path d = store.resolve("warcs");
        if (!Files.isDirectory(d)) return List.of();
        try (Stream<Path> s = Files.list(d)) {
            return s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    private static long totalWarcBytes(Path store) throws Exception {
        long total = 0;
        for (Path p : warcs(store)) total += new File(p.toString()).length();
        return total;
    }
}
