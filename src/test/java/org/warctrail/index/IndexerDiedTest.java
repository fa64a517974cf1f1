package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.UnreadableCaptureWarc;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.store.RotatingWarcWriter;

/**
 * An Error that escapes extraction (here the one a JVM out of threads gives when a worker cannot start) kills
 * what indexes: a capture or an import must then fail with one line naming what died and why, not report its
 * pages as captured; the WARC files keep every record, and the next command indexes them.
 */
class IndexerDiedTest {
    static final String NO_THREAD = "unable to create native thread: possibly out of memory or process/resource "
            + "limits reached";

    @TempDir
    Path dir;

    /** The standard extractor, except that extracting {@code url} throws the Error a JVM out of threads throws. */
    private static DocumentExtractor dyingOn(String url) {
        DocumentExtractor standard = DocumentExtractor.standard();
        return (u, type, payload) -> {
            if (u.equals(url)) throw new OutOfMemoryError(NO_THREAD);
            return standard.extract(u, type, payload);
        };
    }

    @Test
    @Timeout(120)
    void aCaptureWhoseIndexerDiesFailsAndLosesNothing() throws Exception {
        Path store = dir.resolve("store");
        try (FixtureWeb web = FixtureWeb.start()) {
            CrawlConfig config = CrawlConfig.builder(FixtureWeb.BLOG_POST).proxy(web.proxy()).delayMillis(0).depth(1)
                    .allowTarget(TargetPolicy.any()).build();
            try (Archive archive = Archives.open(store, m -> { }, dyingOn(FixtureWeb.BLOG_POST.toString()))) {
                IndexerDied died = assertThrows(IndexerDied.class, () -> archive.capture(config,
                        RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, CaptureListener.NONE));
                assertEquals("the extraction of " + FixtureWeb.BLOG_POST + " (", died.getMessage().substring(0,
                        ("the extraction of " + FixtureWeb.BLOG_POST + " (").length()));
                assertTrue(died.getMessage().contains("died: OutOfMemoryError: " + NO_THREAD
                        + "; the WARC file is intact and the next command indexes the rest"), died.getMessage());
                assertFalse(died.getMessage().contains("\n"), "one line");
            }
        }
        long written = captureRecords(store);
        assertTrue(written > 0);
        try (Archive archive = Archives.open(store, m -> { })) {
            assertEquals(written, archive.index().stats().captures(), "every record written is indexed by the next command");
            assertEquals(1, archive.index().captures(FixtureWeb.BLOG_POST.toString()).size());
        }
    }

    @Test
    @Timeout(60)
    void anImportWhoseExtractionDiesStopsThereAndTheNextCommandIndexesTheRest() throws Exception {
        Path store = dir.resolve("store");
        Path warc = UnreadableCaptureWarc.write(dir);
        List<String> badRecords = new java.util.ArrayList<>();
        ImportListener listener = new ImportListener() {
            @Override
            public void badRecord(BadRecord bad) {
                badRecords.add(bad.toString());
            }
        };
        try (Archive archive = Archives.open(store, m -> { }, dyingOn(UnreadableCaptureWarc.URL))) {
            IndexerDied died = assertThrows(IndexerDied.class,
                    () -> archive.importFiles(List.of(warc), ImportOptions.COPY, listener));
            assertTrue(died.getMessage().startsWith("the extraction of " + UnreadableCaptureWarc.URL), died.getMessage());
            assertTrue(badRecords.isEmpty(), "an Error is no bad record of the file: " + badRecords);
        }
        try (Archive archive = Archives.open(store, m -> { })) {
            assertEquals(3, archive.index().captures(UnreadableCaptureWarc.URL).size());
        }
    }

    private static long captureRecords(Path store) throws IOException {
        long n = 0;
        try (Stream<Path> files = Files.list(store.resolve("warcs"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".warc.gz")).toList()) {
                try (WarcReader reader = new WarcReader(f)) {
                    for (WarcRecord r : reader) {
                        if (r.type().equals("response") || r.type().equals("revisit")) n++;
                    }
                }
            }
        }
        return n;
    }
}
