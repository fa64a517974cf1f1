package org.warctrail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WaczWriter;
import org.warctrail.index.BadRecord;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.RecordType;
import org.warctrail.index.CdxLines;
import org.warctrail.index.CdxQuery;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.index.FileIndexReport;
import org.warctrail.index.SearchOptions;
import org.warctrail.index.StoreStats;
import org.warctrail.index.TestWarcs;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;
import org.warctrail.ingest.ImportedFile;
import org.warctrail.store.RecordLocation;
import org.warctrail.store.RotatingWarcWriter;

/** Torn tails, the record sink, reindex, WACZ and a damaged gzip member. */
class ArchiveTest {
    private static final Path REAL_WARCS = Path.of("src/test/resources/real-warcs");

    @Test
    void aTornTailIsCutAndEveryEarlierRecordIndexed(@TempDir Path dir) throws IOException {
        List<RecordLocation> written;
        try (Archive archive = Archives.open(dir, m -> { }, DocumentExtractor.NONE);
             RotatingWarcWriter writer = archive.store().newWriter(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            written = writer.writeAll(List.of(
                    TestWarcs.html("http://example.com/1", "20240101000000", "<title>one</title>"),
                    TestWarcs.html("http://example.com/2", "20240101000001", "<title>two</title>"),
                    TestWarcs.html("http://example.com/3", "20240101000002", "<title>three</title>")));
        }
        RecordLocation last = written.get(2);
        Path file = dir.resolve("warcs").resolve(last.file());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(last.offset() + last.length() - 10); // a crash while writing the last gzip member
        }
        List<String> notices = new ArrayList<>();
        try (Archive archive = Archives.open(dir, notices::add, DocumentExtractor.NONE)) {
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).startsWith(last.file() + ": torn record at offset " + last.offset() + " ("),
                    notices.get(0));
            assertTrue(notices.get(0).endsWith(") truncated"), notices.get(0));
            assertEquals(last.offset(), Files.size(file));
            assertEquals(2, archive.index().stats().captures());
            assertEquals(written.get(1).offset(), archive.index().captures("http://example.com/2").get(0).offset());
            assertEquals(written.get(1).length(), archive.index().captures("http://example.com/2").get(0).length());
            assertEquals(List.of(), archive.index().captures("http://example.com/3"));
        }
        List<String> again = new ArrayList<>();
        try (Archive archive = Archives.open(dir, again::add, DocumentExtractor.NONE)) {
            assertEquals(List.of(), again);
            assertEquals(2, archive.index().stats().captures());
        }
    }

    @Test
    void theRecordSinkIndexesAsItWrites(@TempDir Path dir) throws IOException {
        try (Archive archive = Archives.open(dir, m -> { }, TestWarcs.FAKE_EXTRACTOR);
             ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            var first = TestWarcs.html("http://example.com/", "20240101000000", "<title>Hello</title><body>first words");
            sink.write(TestWarcs.list(first));
            sink.awaitIndexed();
            assertEquals(1, archive.index().captures("http://example.com/").size());
            assertEquals(1, archive.search().search("first", SearchOptions.defaults()).total());
            var prior = archive.payloadHistory().lastCapture("https://www.example.com/").orElseThrow();
            assertEquals("sha1:" + archive.index().captures("http://example.com/").get(0).digest(), prior.payloadDigest());
            assertEquals(first.id().toString(), prior.recordId());
            sink.write(TestWarcs.list(TestWarcs.revisit("http://example.com/", "20240102000000", first)));
            sink.awaitIndexed();
            List<CaptureRow> rows = archive.index().captures("http://example.com/");
            assertEquals(List.of(RecordType.RESPONSE, RecordType.REVISIT), rows.stream().map(CaptureRow::recordType).toList());
            // the revisit stands for the response, so a third capture refers to the original too
            assertEquals(first.id().toString(), archive.payloadHistory().lastCapture("http://example.com/")
                    .orElseThrow().recordId());
        }
    }

    @Test
    void reindexGivesTheSameCdx(@TempDir Path dir) throws IOException {
        try (Archive archive = Archives.open(dir, m -> { }, TestWarcs.FAKE_EXTRACTOR)) {
            archive.importFiles(List.of(REAL_WARCS.resolve("warcio"), REAL_WARCS.resolve("jwarc")),
                    ImportOptions.COPY, ImportListener.NONE);
            try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
                sink.write(TestWarcs.list(TestWarcs.html("http://example.org/x", "20240101000000", "<title>X</title>")));
            }
            List<String> before = cdx(archive);
            StoreStats statsBefore = archive.index().stats();
            ImportResult result = archive.reindex(ImportListener.NONE);
            assertEquals(before, cdx(archive));
            assertEquals(statsBefore.captures(), archive.index().stats().captures());
            assertEquals(statsBefore.documents(), archive.index().stats().documents());
            assertEquals(statsBefore.captures(), result.captures());
            // identities survive, so a second import still adds nothing
            assertTrue(archive.importFiles(List.of(REAL_WARCS.resolve("warcio/example.warc")),
                    ImportOptions.COPY, ImportListener.NONE).files().get(0).duplicate());
        }
        try (Archive archive = Archives.open(dir, m -> { }, DocumentExtractor.NONE)) {
            assertTrue(archive.index().stats().captures() > 20);
        }
    }

    private static List<String> cdx(Archive archive) {
        List<String> lines = new ArrayList<>();
        archive.index().cdx(CdxQuery.all(), row -> lines.add(CdxLines.cdxj(row)));
        return lines;
    }

    @Test
    void aWaczImportsItsWarcsOnce(@TempDir Path dir, @TempDir Path tmp) throws IOException {
        Path wacz = tmp.resolve("example.wacz");
        try (WaczWriter writer = new WaczWriter(wacz)) {
            writer.writeResource("archive/example.warc.gz", REAL_WARCS.resolve("warcio/example.warc.gz"));
            writer.writeResource("archive/post-test.warc.gz", REAL_WARCS.resolve("warcio/post-test.warc.gz"));
            writer.finish();
        }
        try (Archive archive = Archives.open(dir, m -> { }, DocumentExtractor.NONE)) {
            ImportResult result = archive.importFiles(List.of(wacz), ImportOptions.COPY, ImportListener.NONE);
            assertEquals(List.of("imported/example/example.warc.gz", "imported/example/post-test.warc.gz"),
                    result.files().stream().map(ImportedFile::storedAs).toList());
            assertEquals(5, result.captures());
            assertEquals(2, archive.index().captures("http://example.com/").size());
            ImportResult again = archive.importFiles(List.of(wacz), ImportOptions.COPY, ImportListener.NONE);
            assertTrue(again.files().stream().allMatch(ImportedFile::duplicate));
            assertEquals(5, archive.index().stats().captures());
        }
    }

    @Test
    void aDamagedGzipMemberIsSkippedAndReadingResumesAtTheNextMember(@TempDir Path dir, @TempDir Path tmp)
            throws IOException {
        List<RecordLocation> written;
        try (RotatingWarcWriter writer = new RotatingWarcWriter(tmp, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            written = writer.writeAll(List.of(
                    TestWarcs.html("http://example.com/1", "20240101000000", "<title>one</title>" + "x".repeat(500)),
                    TestWarcs.html("http://example.com/2", "20240101000001", "<title>two</title>" + "y".repeat(500)),
                    TestWarcs.html("http://example.com/3", "20240101000002", "<title>three</title>")));
        }
        Path original = tmp.resolve(written.get(0).file());
        Path foreign = tmp.resolve("damaged.warc.gz");
        byte[] bytes = Files.readAllBytes(original);
        RecordLocation middle = written.get(1);
        for (int i = 20; i < 60; i++) bytes[(int) middle.offset() + i] ^= 0x5a; // break the deflate stream
        Files.write(foreign, bytes);
        try (Archive archive = Archives.open(dir, m -> { }, DocumentExtractor.NONE)) {
            ImportResult result = archive.importFiles(List.of(foreign), ImportOptions.COPY, ImportListener.NONE);
            FileIndexReport report = result.files().get(0).report();
            assertEquals(List.of(middle.offset()), report.badRecords().stream().map(BadRecord::offset).toList());
            assertEquals(3, report.records()); // warcinfo, 1 and 3
            assertEquals(1, archive.index().captures("http://example.com/1").size());
            assertEquals(List.of(), archive.index().captures("http://example.com/2"));
            CaptureRow third = archive.index().captures("http://example.com/3").get(0);
            assertEquals(written.get(2).offset(), third.offset());
            assertEquals(written.get(2).length(), third.length());
        }
    }
}
