package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReuseTablesTest {
    @TempDir
    Path dir;

    /** Records one document's keys and line hashes in a transaction of its own, as a derivation batch of one. */
    static void record(CaptureIndex index, long documentId, long[] keys, String site, long[] lines) throws Exception {
        ReuseTables tables = new ReuseTables(index);
        index.connections().transaction(c -> {
            DerivationTransaction tx = new DerivationTransaction(c);
            tables.record(tx, documentId, keys, site, lines, List.of());
            ReuseTables.insertBands(tx);
            return null;
        });
    }

    @Test
    void candidatesCountSharedKeysAcrossManyKeysInOneLookup() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            long[] keys = LongStream.range(1, 151).toArray(); // more keys than one statement takes
            record(index, 1, keys, "", new long[0]);
            record(index, 2, new long[] {5, 100, 150, 999}, "", new long[0]);
            record(index, 3, new long[] {999}, "", new long[0]);
            ReuseTables.BandLookup found = tables.lookup(keys, ReuseTables.BUCKET_LIMIT);
            assertEquals(Map.of(1L, 150, 2L, 3), found.documents());
            assertEquals(2, found.bucketSizes().get(5L));
            assertEquals(1, found.bucketSizes().get(6L));
        }
    }

    @Test
    void aLookupCountsAtMostTheLimitPerKey() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            for (long id = 1; id <= 12; id++) record(index, id, new long[] {42}, "", new long[0]);
            ReuseTables.BandLookup found = tables.lookup(new long[] {42}, 10);
            assertEquals(10, found.documents().size());
            assertEquals(12, found.bucketSizes().get(42L));
            assertEquals(List.of(), List.copyOf(tables.candidates(new long[] {7}, 10).keySet()));
        }
    }

    @Test
    void siteLinesCountThePagesOfEachSiteHoldingALine() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            record(index, 1, new long[] {1}, "a.example", new long[] {10, 20});
            record(index, 2, new long[] {2}, "a.example", new long[] {10, 30});
            record(index, 3, new long[] {3}, "b.example", new long[] {10});
            assertEquals(2, tables.siteLinePages("a.example", 10));
            assertEquals(1, tables.siteLinePages("a.example", 20));
            assertEquals(0, tables.siteLinePages("a.example", 99));
            assertEquals(1, tables.siteLinePages("b.example", 10));
        }
    }

    @Test
    void keysMergedIntoTheMainTableAreFoundAsBeforeAndNewOnesBesideThem() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            int documents = 1100; // 70,400 keys: more than a recent table holds before it is merged
            index.connections().transaction(c -> {
                DerivationTransaction tx = new DerivationTransaction(c);
                for (long d = 1; d <= documents; d++) {
                    tables.record(tx, d, LongStream.range(d * 1000, d * 1000 + 64).toArray(), "", new long[0],
                            List.of());
                }
                ReuseTables.insertBands(tx);
                return null;
            });
            assertEquals(List.of(0L), index.query("SELECT COUNT(*) FROM reuse_bands_recent", List.of(),
                    rs -> rs.getLong(1)), "merged");
            assertEquals(List.of(0L), index.query("PRAGMA freelist_count", List.of(), rs -> rs.getLong(1)),
                    "a batch that large goes straight into the main table, leaving no recent table's pages free");
            record(index, 5000, new long[] {7000, 424242}, "", new long[0]);
            assertEquals(Map.of(7L, 1, 5000L, 1), tables.candidates(new long[] {7000}, 10));
            assertEquals(Map.of(5000L, 1), tables.candidates(new long[] {424242}, 10));
            assertEquals(Map.of(1100L, 64), tables.candidates(LongStream.range(1_100_000, 1_100_064).toArray(), 10));
        }
    }

    @Test
    void smallBatchesWaitInTheRecentTableUntilTogetherTheyAreWorthAMerge() throws Exception {
        try (CaptureIndex index = CaptureIndex.open(dir.resolve("index.sqlite"))) {
            ReuseTables tables = new ReuseTables(index);
            for (long d = 1; d <= 3; d++) record(index, d, LongStream.range(d * 10_000, d * 10_000 + 5000).toArray(), "",
                    new long[0]);
            assertEquals(List.of(0L, 15_000L), index.query("SELECT (SELECT COUNT(*) FROM reuse_bands), "
                    + "(SELECT COUNT(*) FROM reuse_bands_recent)", List.of(), rs -> List.of(rs.getLong(1),
                    rs.getLong(2))).get(0), "three batches of 5,000 keys wait");
            record(index, 4, LongStream.range(40_000, 45_000).toArray(), "", new long[0]);
            assertEquals(List.of(20_000L, 0L), index.query("SELECT (SELECT COUNT(*) FROM reuse_bands), "
                    + "(SELECT COUNT(*) FROM reuse_bands_recent)", List.of(), rs -> List.of(rs.getLong(1),
                    rs.getLong(2))).get(0), "the fourth makes them worth a merge, with it");
            assertEquals(Map.of(1L, 1, 4L, 1), tables.candidates(new long[] {10_000, 44_999}, 10));
        }
    }

    @Test
    void bandRowsSortByKeyThenDocumentPackedOrNot() {
        java.util.Random random = new java.util.Random(3);
        for (long maxId : new long[] {1L << 32, Long.MAX_VALUE}) {
            List<long[]> rows = new java.util.ArrayList<>();
            for (int i = 0; i < 5_000; i++) {
                rows.add(new long[] {random.nextInt(500), Math.floorMod(random.nextLong(), maxId)});
            }
            rows.add(new long[] {(1L << 31) - 1, (1L << 32) - 1});
            rows.add(new long[] {0, 0});
            List<long[]> expected = new java.util.ArrayList<>(rows.stream().map(long[]::clone).toList());
            expected.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            ReuseTables.sortByKeyThenDocument(rows);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(expected.get(i)[0], rows.get(i)[0], "key of row " + i);
                assertEquals(expected.get(i)[1], rows.get(i)[1], "document of row " + i);
            }
        }
    }
}
