package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;
import org.warctrail.ingest.ImportedFile;

/** Every file of warcio's and jwarc's test data imports: all readable records, each bad one reported. */
class RealWarcsImportTest {
    static final Path REAL = Path.of("src/test/resources/real-warcs");

    /** file name -> {records, captures, bad record offsets...}; records as jwarc ls counts them (README). */
    static final Map<String, long[]> EXPECTED = Map.ofEntries(
            Map.entry("example.warc", new long[]{6, 2}),
            Map.entry("example.warc.gz", new long[]{6, 2}),
            Map.entry("example-digest.warc", new long[]{4, 0}),
            Map.entry("example-iana.org-chunked.warc", new long[]{3, 1}),
            Map.entry("example-resource.warc.gz", new long[]{3, 1}),
            Map.entry("post-test.warc.gz", new long[]{6, 3}),
            Map.entry("example-wget-bad-target-uri.warc.gz", new long[]{6, 3}),
            Map.entry("example-space-in-target-uri.warc.gz", new long[]{2, 1}),
            Map.entry("example-wrong-chunks.warc.gz", new long[]{2, 1}),
            Map.entry("example-bad-non-chunked.warc.gz", new long[]{6, 2}),
            Map.entry("example-bad.warc.gz.bad", new long[]{6, 3}),
            // 3 readable, the truncated response's tail is unreadable, then the request after it is found again
            Map.entry("example-trunc.warc", new long[]{4, 1, 2560}),
            Map.entry("example.arc", new long[]{2, 1}),
            Map.entry("example.arc.gz", new long[]{2, 1}),
            // a space in the ARC header's URL: read as warcio reads it, the URL percent-encoded
            Map.entry("example-space-in-url.arc", new long[]{2, 1}),
            // filedesc with length -1, a record with an 18-digit date, a readable one, a non-numeric length
            Map.entry("bad.arc", new long[]{1, 1, 0, 134, 262}),
            Map.entry("cc.warc.gz", new long[]{1, 1}),
            Map.entry("gzip_extra_sl.warc.gz", new long[]{1, 0}));

    static List<Path> realFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : List.of("warcio", "jwarc")) {
            try (var s = Files.list(REAL.resolve(dir))) {
                s.filter(p -> !p.getFileName().toString().equals("LICENSE")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void everyRealFileImportsWithItsRecordCountsAndBadRecordsReported(@TempDir Path store) throws IOException {
        List<BadRecord> heard = new ArrayList<>();
        try (Archive archive = Archives.open(store, m -> { }, TestWarcs.FAKE_EXTRACTOR)) {
            ImportResult result = archive.importFiles(realFiles(), ImportOptions.COPY, new ImportListener() {
                @Override
                public void badRecord(BadRecord bad) {
                    heard.add(bad);
                }
            });
            assertEquals(EXPECTED.size(), result.files().size());
            for (ImportedFile f : result.files()) {
                String name = Path.of(f.source()).getFileName().toString();
                long[] expected = EXPECTED.get(name);
                FileIndexReport r = f.report();
                assertEquals(expected[0], r.records(), name + " records");
                assertEquals(expected[1], r.captures(), name + " captures");
                List<Long> offsets = r.badRecords().stream().map(BadRecord::offset).toList();
                List<Long> expectedOffsets = new ArrayList<>();
                for (int i = 2; i < expected.length; i++) expectedOffsets.add(expected[i]);
                assertEquals(expectedOffsets, offsets, name + " bad record offsets");
                for (BadRecord b : r.badRecords()) {
                    assertEquals(f.storedAs(), b.file());
                    assertFalse(b.reason().isBlank());
                }
                assertTrue(Files.isRegularFile(archive.store().resolve(f.storedAs())), f.storedAs());
            }
            assertEquals(4, heard.size());
            assertEquals(25, archive.index().stats().captures());

            // every capture row points at its record: it reads back with the same URL
            List<CaptureRow> rows = new ArrayList<>();
            archive.index().cdx(CdxQuery.all(), rows::add);
            for (CaptureRow row : rows) {
                try (var stored = archive.store().read(row.file(), row.offset())) {
                    var record = (org.netpreserve.jwarc.WarcTargetRecord) stored.record();
                    assertEquals(row.url(), SurtKey.cleanUrl(record.target()), row.toString());
                }
            }
            // whole-file gzips are stored decompressed, so that their later records can be addressed
            Map<String, String> stored = result.files().stream().collect(Collectors.toMap(
                    f -> Path.of(f.source()).getFileName().toString(), ImportedFile::storedAs));
            assertEquals("imported/example-bad.warc", stored.get("example-bad.warc.gz.bad"));
            assertEquals("imported/example.warc.gz", stored.get("example.warc.gz"));
        }
    }

    @Test
    void importingTheSameFilesTwiceAddsNothing(@TempDir Path store) throws IOException {
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            archive.importFiles(List.of(REAL.resolve("warcio")), ImportOptions.COPY, ImportListener.NONE);
            StoreStats before = archive.index().stats();
            ImportResult again = archive.importFiles(List.of(REAL.resolve("warcio")), ImportOptions.COPY,
                    ImportListener.NONE);
            assertTrue(again.files().stream().allMatch(ImportedFile::duplicate));
            assertEquals(before, archive.index().stats());
            // a directory walk takes files by content: the .bad gzip too, not the LICENSE
            assertEquals(16, again.files().size());
        }
    }

    @Test
    void inPlaceImportIndexesFilesWhereTheyLie(@TempDir Path store, @TempDir Path elsewhere) throws IOException {
        Path source = Files.copy(REAL.resolve("warcio/example.warc.gz"), elsewhere.resolve("example.warc.gz"));
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            ImportResult result = archive.importFiles(List.of(source), ImportOptions.IN_PLACE, ImportListener.NONE);
            assertEquals(source.toAbsolutePath().toString(), result.files().get(0).storedAs());
            List<CaptureRow> rows = archive.index().captures("http://example.com/");
            assertEquals(2, rows.size());
            assertEquals(source.toAbsolutePath().toString(), rows.get(0).file());
            try (java.nio.file.DirectoryStream<Path> s = Files.newDirectoryStream(archive.store().warcsDir())) {
                assertFalse(s.iterator().hasNext(), "nothing copied");
            }
            assertTrue(archive.importFiles(List.of(source), ImportOptions.IN_PLACE, ImportListener.NONE)
                    .files().get(0).duplicate());
        }
        // reopening keeps the in-place file, and a reindex finds it again
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            archive.reindex(ImportListener.NONE);
            assertEquals(2, archive.index().captures("http://example.com/").size());
        }
    }

    @Test
    void aMissingFileFailsBeforeAnythingIsImported(@TempDir Path store) throws IOException {
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(java.nio.file.NoSuchFileException.class,
                    () -> archive.importFiles(List.of(REAL.resolve("warcio/example.warc"), store.resolve("nope.warc")),
                            ImportOptions.COPY, ImportListener.NONE));
            assertTrue(e.getMessage().endsWith("nope.warc"));
            assertEquals(0, archive.index().stats().captures());
        }
    }
}
