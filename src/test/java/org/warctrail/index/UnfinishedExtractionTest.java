package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.extract.Document;
import org.warctrail.ingest.ImportListener;

/**
 * A record whose extraction kills the JVM (here: a child JVM killed with SIGKILL while it extracts, as the kernel's
 * OOM killer would) is tried once more by the next command, and after that second death indexed without
 * extraction: the third command indexes the whole file, tells which record it did not extract, and why.
 */
class UnfinishedExtractionTest {
    static final String BEFORE = "http://news.example/before.html";
    static final String DEADLY = "http://news.example/deadly.pdf";
    static final String AFTER = "http://news.example/after.html";

    @TempDir
    Path dir;

    /** The child: opens the store (indexing what it lacks) with an extractor that hangs on the deadly record. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            DocumentExtractor standard = DocumentExtractor.standard();
            DocumentExtractor hanging = (url, contentType, payload) -> {
                if (url.equals(DEADLY)) {
                    System.out.println("extracting " + url);
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE); // killed here
                }
                return standard.extract(url, contentType, payload);
            };
            try (var archive = Archives.open(Path.of(args[0]), System.out::println, hanging)) {
                System.out.println("indexed");
            }
        }
    }

    @Test
    @Timeout(180)
    void aRecordTheProcessDiedOnTwiceIsIndexedWithoutExtraction() throws Exception {
        Path store = dir.resolve("store");
        Path warc = store.resolve("warcs").resolve("news.warc.gz");
        Files.createDirectories(warc.getParent());
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE), WarcCompression.GZIP)) {
            writer.write(response(BEFORE, "text/html", page("Before", "The council met on Monday and voted.")));
            writer.write(response(DEADLY, "application/pdf", "%PDF-1.7 a bomb stands in here"));
            writer.write(response(AFTER, "text/html", page("After", "The mayor said the vote would stand.")));
        }
        for (int run = 1; run <= 2; run++) {
            killWhileExtracting(store, "child" + run + ".log");
            // what the dead children began and never ended, as the next process reads it
            UnfinishedExtractions unfinished = new UnfinishedExtractions(store.resolve(UnfinishedExtractions.DIRECTORY));
            try (Archive archive = Archives.openForReading(store, m -> { })) {
                assertTrue(archive.index().captures(DEADLY).isEmpty(), "nothing of the batch was committed");
                long offset = deadlyOffset(warc);
                assertEquals(run, unfinished.starts("news.warc.gz", offset), "starts noted after run " + run);
            }
        }

        List<String> notices = new ArrayList<>();
        DocumentExtractor mustNotTouchTheDeadly = (url, contentType, payload) -> {
            assertNotEquals(DEADLY, url, "the third run extracted the record the process died on twice");
            return DocumentExtractor.standard().extract(url, contentType, payload);
        };
        long offset = deadlyOffset(warc);
        try (Archive archive = Archives.open(store, notices::add, mustNotTouchTheDeadly)) {
            for (String url : List.of(BEFORE, DEADLY, AFTER)) {
                assertEquals(1, archive.index().captures(url).size(), url + " indexed");
            }
            StoredDocuments documents = new StoredDocuments(archive.index());
            Document deadly = documents.of(archive.index().captures(DEADLY).get(0)).orElseThrow();
            assertTrue(deadly.error().startsWith("not extracted: its extraction was started 2 times and never "
                    + "finished (the process died while extracting it)"), deadly.error());
            Document after = documents.of(archive.index().captures(AFTER).get(0)).orElseThrow();
            assertNull(after.error());
            assertTrue(after.text().contains("The mayor said"), after.text());
            assertEquals(1, notices.stream().filter(n -> n.startsWith("news.warc.gz: the record at offset "
                    + offset + " (" + DEADLY + ") is indexed without extraction")).count(), notices.toString());
        }
        // the record stays given up: a reindex does not try it again either
        notices.clear();
        try (Archive archive = Archives.open(store, notices::add, mustNotTouchTheDeadly)) {
            archive.reindex(ImportListener.NONE);
            assertEquals(1, archive.index().captures(DEADLY).size());
        }
        assertFalse(notices.isEmpty());
    }

    /** Runs the child until it says it is extracting the deadly record, then kills it with SIGKILL. */
    private void killWhileExtracting(Path store, String logName) throws Exception {
        Path log = dir.resolve(logName);
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), store.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!read(log).contains("extracting " + DEADLY) && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive() && read(log).contains("extracting " + DEADLY),
                    () -> "the child did not reach the deadly record: " + read(log));
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs in the child
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static long deadlyOffset(Path warc) throws IOException {
        try (org.netpreserve.jwarc.WarcReader reader = new org.netpreserve.jwarc.WarcReader(warc)) {
            for (org.netpreserve.jwarc.WarcRecord r : reader) {
                if (r instanceof WarcResponse response && response.target().equals(DEADLY)) return reader.position();
            }
        }
        throw new IOException("no deadly record in " + warc);
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String page(String title, String text) {
        return "<!doctype html><html lang=\"en\"><head><title>" + title + "</title></head><body><article><h1>" + title
                + "</h1><p>" + text + " Reporters were told the decision was final and would not be revisited this "
                + "year, according to officials who attended the meeting.</p></article></body></html>";
    }

    private static WarcResponse response(String url, String type, String body) throws IOException {
        return new WarcResponse.Builder(URI.create(url)).date(Instant.parse("2024-05-01T10:00:00Z"))
                .body(new HttpResponse.Builder(200, "OK").body(MediaType.parse(type),
                        body.getBytes(StandardCharsets.UTF_8)).build()).build();
    }
}
