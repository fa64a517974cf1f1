package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** CDX rows are read a page at a time; a slow consumer holds no reader connection. */
class CdxPagingTest {
    private static final int ROWS = CaptureIndex.CDX_PAGE * 2 + 345;

    @TempDir
    Path dir;
    CaptureIndex index;

    @BeforeEach
    void fill() throws Exception {
        index = CaptureIndex.open(dir.resolve("index.sqlite"));
        long fileId = index.registerFile("a.warc.gz", 0, 0, null, null).id();
        index.connections().write(c -> {
            try (PreparedStatement st = c.prepareStatement("INSERT INTO captures (file_id, surt, timestamp, url, "
                    + "status, mime, digest, record_type, offset, length) VALUES (?, ?, ?, ?, 200, 'text/html', 'D', "
                    + "'response', ?, 10)")) {
                for (int i = 0; i < ROWS; i++) {
                    // Several rows share a SURT and a timestamp, so the key must go down to the id.
                    int page = i / 7;
                    st.setLong(1, fileId);
                    st.setString(2, "com,example)/p" + page);
                    st.setString(3, "2020010100000" + (i % 2));
                    st.setString(4, "http://example.com/p" + page);
                    st.setLong(5, i * 10L);
                    st.executeUpdate();
                }
            }
            c.commit();
            return null;
        });
    }

    @AfterEach
    void close() {
        index.close();
    }

    private List<CaptureRow> all(CdxQuery query) {
        List<CaptureRow> rows = new ArrayList<>();
        index.cdx(query, rows::add);
        return rows;
    }

    @Test
    void pagesJoinIntoTheWholeOrder() {
        List<CaptureRow> forward = all(CdxQuery.all());
        assertEquals(ROWS, forward.size());
        List<CaptureRow> sorted = new ArrayList<>(forward);
        // the one CDX order: the lines' bytes (rows sharing SURT and second differ only past them)
        sorted.sort(Comparator.comparing(CdxLines::cdxj, CdxOrder.BYTES));
        assertEquals(sorted, forward);
        assertEquals(ROWS, forward.stream().map(CaptureRow::id).distinct().count());

        List<CaptureRow> reverse = all(new CdxQuery(null, MatchType.PREFIX, null, null, 0, true));
        List<CaptureRow> backwards = new ArrayList<>(forward);
        java.util.Collections.reverse(backwards);
        assertEquals(backwards, reverse);

        int limit = CaptureIndex.CDX_PAGE + 5;
        assertEquals(forward.subList(0, limit), all(new CdxQuery(null, MatchType.PREFIX, null, null, limit, false)));
        assertEquals(List.of(), all(new CdxQuery("http://example.org/", MatchType.EXACT, null, null, 0, false)));
    }

    @Test
    @Timeout(30)
    void consumersThatBlockHoldNoReaderConnection() throws Exception {
        int blocked = 6; // more than the pool's readers
        CountDownLatch inside = new CountDownLatch(blocked);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(blocked);
        try {
            List<Future<Integer>> scans = new ArrayList<>();
            for (int i = 0; i < blocked; i++) {
                scans.add(pool.submit(() -> {
                    int[] n = {0};
                    index.cdx(CdxQuery.all(), row -> {
                        if (n[0]++ == 10) {
                            inside.countDown();
                            try {
                                release.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        }
                    });
                    return n[0];
                }));
            }
            assertTrue(inside.await(20, TimeUnit.SECONDS), "every scan reached its slow consumer");
            // Every scan is stuck in its consumer; a reader connection must still be free.
            assertEquals(ROWS, index.stats().captures());
            release.countDown();
            for (Future<Integer> f : scans) assertEquals(ROWS, f.get(20, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
