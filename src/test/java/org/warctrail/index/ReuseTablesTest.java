package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReuseTablesTest {
    @TempDir
    Path dir;

    @Test
    void candidatesCountSharedKeysAcrossManyKeysInOneLookup() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            long[] keys = LongStream.range(1, 151).toArray(); // more keys than one statement takes
            tables.putBands(1, keys);
            tables.putBands(2, new long[] {5, 100, 150, 999});
            tables.putBands(3, new long[] {999});
            Map<Long, Integer> found = tables.candidates(keys, ReuseTables.BUCKET_LIMIT);
            assertEquals(Map.of(1L, 150, 2L, 3), found);
        }
    }

    @Test
    void bucketsKeepTheEarliestDocumentsUpToTheLimit() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            for (long id = 1; id <= ReuseTables.BUCKET_LIMIT + 10; id++) tables.putBands(id, new long[] {42, 1000 + id});
            Map<Long, Integer> expected = new HashMap<>();
            for (long id = 1; id <= ReuseTables.BUCKET_LIMIT; id++) expected.put(id, 1);
            assertEquals(expected, tables.candidates(new long[] {42}, ReuseTables.BUCKET_LIMIT));
            // The late document is still filed under its other keys.
            long late = ReuseTables.BUCKET_LIMIT + 5;
            assertEquals(Map.of(late, 1), tables.candidates(new long[] {1000 + late}, ReuseTables.BUCKET_LIMIT));
            assertEquals(List.of(), List.copyOf(tables.candidates(new long[] {7}, 10).keySet()));
        }
    }

    @Test
    void siteLinesCountThePagesOfEachSiteHoldingALine() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            tables.record(1, new long[] {1}, "a.example", new long[] {10, 20}, List.of());
            tables.record(2, new long[] {2}, "a.example", new long[] {10, 30}, List.of());
            tables.record(3, new long[] {3}, "b.example", new long[] {10}, List.of());
            assertEquals(2, tables.siteLinePages("a.example", 10));
            assertEquals(1, tables.siteLinePages("a.example", 20));
            assertEquals(0, tables.siteLinePages("a.example", 99));
            assertEquals(1, tables.siteLinePages("b.example", 10));
        }
    }
}
