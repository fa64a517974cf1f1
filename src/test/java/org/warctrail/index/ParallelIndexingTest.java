package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archives;
import org.warctrail.extract.Document;

/**
 * Extraction on several threads makes the index one thread makes, row for row, with extractions finishing out of
 * record order and batches cut small; an Error in one extraction stops the pass there and the next pass completes
 * the same index; reading waits while the payloads read and not yet extracted reach their bound; a record the
 * process died in before is extracted alone.
 */
class ParallelIndexingTest {
    static final int PAGES = 260;
    static final WarcIndexer.Limits SMALL = new WarcIndexer.Limits(23, 64 << 10, 256 << 10);

    @TempDir
    Path dir;

    /** The standard extractor, which fails (with an exception) on pages whose URL says "explode". */
    static final DocumentExtractor BASE = new DocumentExtractor() {
        final DocumentExtractor standard = DocumentExtractor.standard();

        @Override
        public Document extract(String url, String contentType, byte[] payload) throws Exception {
            if (url.contains("explode")) throw new IllegalStateException("parser blew up on " + url);
            return standard.extract(url, contentType, payload);
        }
    };

    @Test
    @Timeout(300)
    void parallelExtractionMakesTheIndexOfASequentialPass() throws Exception {
        List<Path> files = new ArrayList<>(List.of(ManyPagesWarc.write(dir.resolve("pages.warc.gz"), PAGES)));
        files.addAll(RealWarcsImportTest.realFiles());
        Path sequential = indexAll(dir.resolve("sequential.sqlite"), files, new ExtractionPool(1),
                WarcIndexer.Limits.DEFAULT, BASE, UnfinishedExtractions.NONE);
        OutOfOrder outOfOrder = new OutOfOrder(BASE);
        Path parallel = indexAll(dir.resolve("parallel.sqlite"), files, new ExtractionPool(4), SMALL, outOfOrder,
                UnfinishedExtractions.NONE);

        assertTrue(outOfOrder.overtaken.get() >= 10, "extractions finished out of record order: "
                + outOfOrder.overtaken);
        Map<String, List<String>> expected = dump(sequential);
        Map<String, List<String>> actual = dump(parallel);
        assertTrue(expected.get("cdx").size() > PAGES, "every page and more indexed: " + expected.get("cdx").size());
        assertTrue(expected.get("documents").size() >= PAGES, "documents: " + expected.get("documents").size());
        assertTrue(expected.get("documents").stream().filter(d -> d.contains("parser blew up")).count() >= 5);
        assertTrue(expected.get("quotes").size() > PAGES, "quotes: " + expected.get("quotes").size());
        assertSameIndex(expected, actual);
    }

    @Test
    @Timeout(300)
    void anErrorInOneExtractionStopsThePassThereAndTheNextPassCompletesTheSameIndex() throws Exception {
        Path warc = ManyPagesWarc.write(dir.resolve("pages.warc.gz"), PAGES);
        String fatal = ManyPagesWarc.page(150);
        long fatalOffset = offsetOf(warc, fatal);
        DocumentExtractor dying = (url, type, payload) -> {
            if (url.equals(fatal)) throw new OutOfMemoryError("Java heap space");
            return BASE.extract(url, type, payload);
        };
        UnfinishedExtractions unfinished = new UnfinishedExtractions(dir.resolve("unfinished"));
        Path db = dir.resolve("resumed.sqlite");
        IndexerDied died = assertThrows(IndexerDied.class, () -> indexAll(db, List.of(warc), new ExtractionPool(4),
                SMALL, dying, unfinished));
        assertEquals("the extraction of " + fatal + " (pages.warc.gz, record at offset " + fatalOffset + ") died: "
                + "OutOfMemoryError: Java heap space; the WARC file is intact and the next command indexes the rest",
                died.getMessage());
        try (CaptureIndex index = CaptureIndex.open(db)) {
            long mark = index.file("pages.warc.gz").orElseThrow().indexedBytes();
            assertTrue(mark > 0 && mark <= fatalOffset, "the mark stays before the record that died: " + mark);
            List<CaptureRow> rows = new ArrayList<>();
            index.cdx(CdxQuery.all(), rows::add);
            assertFalse(rows.isEmpty(), "the batches before it are committed");
            assertTrue(rows.stream().allMatch(r -> r.offset() < mark), "nothing past the mark is committed");
        }
        assertEquals(1, unfinished.starts("pages.warc.gz", fatalOffset), "its start stays noted");

        indexAll(db, List.of(warc), new ExtractionPool(4), SMALL, BASE, unfinished);
        assertEquals(0, unfinished.starts("pages.warc.gz", fatalOffset), "extracted this time");
        Path clean = indexAll(dir.resolve("clean.sqlite"), List.of(warc), new ExtractionPool(1),
                WarcIndexer.Limits.DEFAULT, BASE, UnfinishedExtractions.NONE);
        assertSameIndex(dump(clean), dump(db));
    }

    @Test
    @Timeout(120)
    void readingWaitsWhileThePayloadsNotYetExtractedReachTheirBound() throws Exception {
        Path warc = ManyPagesWarc.write(dir.resolve("pages.warc.gz"), 80);
        Map<Long, Integer> payloadAt = documentPayloads(warc);
        int bound = 200_000;
        CountDownLatch release = new CountDownLatch(1);
        String first = ManyPagesWarc.page(0);
        DocumentExtractor stuck = (url, type, payload) -> {
            if (url.equals(first) && !release.await(60, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
            return BASE.extract(url, type, payload);
        };
        List<Long> read = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                indexAll(dir.resolve("bounded.sqlite"), List.of(warc), new ExtractionPool(1),
                        new WarcIndexer.Limits(2000, 32 << 20, bound), stuck, UnfinishedExtractions.NONE, read);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!waitingForRoom(reader) && System.nanoTime() < deadline) Thread.sleep(10);
        assertTrue(waitingForRoom(reader), "the reading thread waits for room: " + Arrays.toString(reader.getStackTrace()));

        long held = read.stream().filter(payloadAt::containsKey).mapToLong(o -> payloadAt.get(o) + 1024L).sum();
        long last = read.get(read.size() - 1);
        long next = payloadAt.keySet().stream().filter(o -> o > last).min(Long::compare).orElseThrow();
        assertTrue(held <= bound, "payloads held " + held + " within " + bound);
        assertTrue(held + payloadAt.get(next) + 1024 > bound, "the next payload did not fit: " + held);
        release.countDown();
        reader.join(TimeUnit.SECONDS.toMillis(60));
        assertFalse(reader.isAlive());
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("bounded.sqlite"))) {
            assertEquals(payloadAt.size(), index.stats().documents());
        }
    }

    @Test
    @Timeout(120)
    void aRecordTheProcessDiedInBeforeIsExtractedAlone() throws Exception {
        Path warc = ManyPagesWarc.write(dir.resolve("pages.warc.gz"), 40);
        String suspect = ManyPagesWarc.page(20);
        long suspectOffset = offsetOf(warc, suspect);
        // the journal of a process that died while it extracted the suspect (no such pid runs)
        Path journals = Files.createDirectories(dir.resolve("unfinished"));
        Files.writeString(journals.resolve(Long.MAX_VALUE + "-0-1.journal"),
                "B\t" + (suspectOffset - 1) + "\tpages.warc.gz\nE\t" + (suspectOffset - 1) + "\tpages.warc.gz\n"
                        + "B\t" + suspectOffset + "\tpages.warc.gz\n");
        UnfinishedExtractions unfinished = new UnfinishedExtractions(journals);
        assertEquals(1, unfinished.starts("pages.warc.gz", suspectOffset));
        assertEquals(0, unfinished.starts("pages.warc.gz", suspectOffset - 1), "begun and ended");
        AtomicInteger active = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger besideSuspect = new AtomicInteger();
        AtomicInteger suspectRunning = new AtomicInteger();
        CountDownLatch secondStarted = new CountDownLatch(1);
        DocumentExtractor watching = (url, type, payload) -> {
            int now = active.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            if (url.equals(suspect)) {
                suspectRunning.set(1);
                if (now != 1) besideSuspect.incrementAndGet();
            } else if (suspectRunning.get() == 1) {
                besideSuspect.incrementAndGet();
            }
            try {
                if (url.equals(ManyPagesWarc.page(1))) secondStarted.countDown();
                if (url.equals(ManyPagesWarc.page(0))) secondStarted.await(30, TimeUnit.SECONDS);
                return BASE.extract(url, type, payload);
            } finally {
                if (url.equals(suspect)) suspectRunning.set(0);
                active.decrementAndGet();
            }
        };
        Path db = indexAll(dir.resolve("suspect.sqlite"), List.of(warc), new ExtractionPool(4), SMALL, watching,
                unfinished);
        assertTrue(most.get() >= 2, "extractions ran side by side: " + most);
        assertEquals(0, besideSuspect.get(), "nothing was extracted beside the suspect");
        assertEquals(0, unfinished.starts("pages.warc.gz", suspectOffset), "its extraction finished, its note cleared");
        try (CaptureIndex index = CaptureIndex.open(db)) {
            Document document = new StoredDocuments(index).of(index.captures(suspect).get(0)).orElseThrow();
            assertNull(document.error());
            assertFalse(document.text().isBlank());
        }
    }

    /** Makes page 7k wait for page 7k+1's extraction to finish, so that documents complete out of record order. */
    static final class OutOfOrder implements DocumentExtractor {
        final DocumentExtractor inner;
        final Map<String, CountDownLatch> finished = new ConcurrentHashMap<>();
        final AtomicInteger overtaken = new AtomicInteger();

        OutOfOrder(DocumentExtractor inner) {
            this.inner = inner;
        }

        @Override
        public Document extract(String url, String contentType, byte[] payload) throws Exception {
            try {
                int at = url.lastIndexOf("/news/p");
                if (at >= 0) {
                    int i = Integer.parseInt(url.substring(at + 7).replace("?explode", ""));
                    if (i % 7 == 0 && i + 1 < PAGES && latch(ManyPagesWarc.page(i + 1)).await(10, TimeUnit.SECONDS)) {
                        overtaken.incrementAndGet();
                    }
                }
                return inner.extract(url, contentType, payload);
            } finally {
                latch(url).countDown();
            }
        }

        private CountDownLatch latch(String url) {
            return finished.computeIfAbsent(url, u -> new CountDownLatch(1));
        }
    }

    private static Path indexAll(Path db, List<Path> files, ExtractionPool pool, WarcIndexer.Limits limits,
                                 DocumentExtractor extractor, UnfinishedExtractions unfinished) throws IOException {
        return indexAll(db, files, pool, limits, extractor, unfinished, new ArrayList<>());
    }

    /** Indexes the files in place, deriving what the application derives; {@code read} hears each record's offset. */
    private static Path indexAll(Path db, List<Path> files, ExtractionPool pool, WarcIndexer.Limits limits,
                                 DocumentExtractor extractor, UnfinishedExtractions unfinished, List<Long> read)
            throws IOException {
        try (CaptureIndex index = CaptureIndex.open(db)) {
            Derivations derivations = new Derivations(index, Archives.derivers(), m -> { });
            WarcIndexer indexer = new WarcIndexer(index, extractor, derivations, unfinished, pool, limits);
            for (Path f : files) {
                String name = f.getFileName().toString();
                IndexedFile file = index.file(name).orElseGet(() -> index.registerFile(name, 0, 0, null, null));
                indexer.index(file, f, WarcIndexer.Options.FOREIGN, new WarcIndexer.Listener() {
                    @Override
                    public void progress(long position) {
                        read.add(position);
                    }
                });
            }
            derivations.run();
        }
        return db;
    }

    private static void assertSameIndex(Map<String, List<String>> expected, Map<String, List<String>> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        for (String table : expected.keySet()) {
            List<String> e = expected.get(table);
            List<String> a = actual.get(table);
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                int row = i;
                assertEquals(e.get(i), a.get(i), () -> table + ", row " + row + " differs");
            }
            assertEquals(e.size(), a.size(), table + " rows");
        }
    }

    /** Every table's rows, ids included (FTS tables by their content, not their segments), and the CDX in its order. */
    private static Map<String, List<String>> dump(Path db) throws Exception {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        try (CaptureIndex index = CaptureIndex.open(db)) {
            List<String> cdx = new ArrayList<>();
            index.cdx(CdxQuery.all(), r -> cdx.add(CdxLines.cdxj(r) + " id=" + r.id()));
            tables.put("cdx", cdx);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement st = c.createStatement()) {
            List<String[]> names = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
                while (rs.next()) names.add(new String[]{rs.getString(1), rs.getString(2)});
            }
            List<String> virtual = names.stream().filter(n -> n[1] != null && n[1].startsWith("CREATE VIRTUAL"))
                    .map(n -> n[0]).toList();
            for (String[] n : names) {
                // an FTS table's segments follow the transactions that filled it: its content is compared instead
                if (virtual.stream().anyMatch(v -> n[0].startsWith(v + "_"))) continue;
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT * FROM \"" + n[0] + "\"")) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            if (n[0].equals("files") && rs.getMetaData().getColumnName(i).equals("added")) continue;
                            Object v = rs.getObject(i);
                            row.append(v instanceof byte[] b ? Arrays.toString(b) : String.valueOf(v)).append('|');
                        }
                        rows.add(row.toString());
                    }
                }
                tables.put(n[0], rows);
            }
            // band keys wait in the small table until a merge, which comes with a number of commits: one set
            tables.get("reuse_bands").addAll(tables.remove("reuse_bands_recent"));
            // sorted: row ids are columns, and where derivation put a row depends on when it ran, not what
            for (List<String> rows : tables.values()) if (rows != tables.get("cdx")) rows.sort(null);
        } catch (SQLException e) {
            throw new IOException("cannot read " + db + ": " + e.getMessage(), e);
        }
        return tables;
    }

    private static long offsetOf(Path warc, String url) throws IOException {
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse response && response.target().equals(url)) return reader.position();
            }
        }
        throw new IOException("no response for " + url + " in " + warc);
    }

    /** The raw payload length of each HTML document's record, by offset. */
    private static Map<Long, Integer> documentPayloads(Path warc) throws IOException {
        Map<Long, Integer> payloads = new LinkedHashMap<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                if (r instanceof WarcResponse response && response.http().status() == 200
                        && response.http().contentType().base().equals(org.netpreserve.jwarc.MediaType.HTML)) {
                    payloads.put(reader.position(), response.http().body().stream().readAllBytes().length);
                }
            }
        }
        return payloads;
    }

    /** Whether the thread is parked waiting for room for the next payload. */
    private static boolean waitingForRoom(Thread reader) {
        return Arrays.stream(reader.getStackTrace()).anyMatch(f -> f.getClassName().equals(RecordExtractions.class.getName())
                && f.getMethodName().equals("submit")) && reader.getState() == Thread.State.WAITING;
    }
}
