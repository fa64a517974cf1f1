package org.warctrail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.extract.Document;
import org.warctrail.index.DerivationFailure;
import org.warctrail.index.DerivationStatus;
import org.warctrail.index.Deriver;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoredReuse;
import org.warctrail.index.VersionFlagger;
import org.warctrail.index.VersionFlagsTable;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainEdge;
import org.warctrail.provenance.ReuseIndexing;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.versions.IndexVersionFlagger;

/**
 * Each way derivation can fail on one capture (a document without text, an extraction that throws, a differ
 * that throws) leaves the other captures derived: the reuse between the two copies of a story is found whatever
 * comes before and between them, the failure is listed with its reason, and a retry after the fix derives it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DerivationFailuresTest {
    private static final String STORY = "The harbour authority said on Tuesday that the cranes at the eastern "
            + "terminal would stay idle until the inspectors had finished their survey of the quay walls, which "
            + "were damaged in the storm of last winter and have been propped up with timber ever since. Dock "
            + "workers told reporters that the shipping lines had already moved their calls to the northern port, "
            + "and that nobody expected the terminal to reopen before the spring.";
    private static final String SOURCE = "http://news.example/harbour.html";
    private static final String COPY = "http://blog.example/repost.html";

    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    /** Title from <title>, text from the body without tags; null text for an empty body; throws on "EXPLODE". */
    private static final DocumentExtractor EXTRACTOR = (url, contentType, payload) -> {
        String html = new String(payload, StandardCharsets.UTF_8);
        if (html.contains("EXPLODE")) throw new IllegalStateException("parser blew up");
        int b = html.indexOf("<body>");
        String text = (b >= 0 ? html.substring(b + 6) : html).replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")
                .strip();
        return new Document(url, contentType, "page", text.isEmpty() ? null : text, null, null, null, "en", null,
                null, null, null, null, null);
    };

    private Archive open(List<Deriver> derivers) throws IOException {
        return Archive.open(dir, notices::add, EXTRACTOR, derivers);
    }

    private static List<Deriver> derivers(VersionFlagger flagger) {
        return List.of(VersionFlagsTable.deriver(flagger), new ReuseIndexing());
    }

    private static void write(Archive archive, List<WarcRecord> records) throws IOException {
        try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            for (WarcRecord r : records) sink.write(List.of(r));
            sink.awaitIndexed();
        }
    }

    private static boolean reuseBetweenTheCopies(Archive archive) {
        List<StoredReuse> into = new ReuseTables(archive.index()).reuseInto(COPY);
        return into.stream().anyMatch(r -> r.sourceUrl().equals(SOURCE));
    }

    @Test
    void documentsWithoutTextAreDerivedAndStopNothing() throws IOException {
        try (Archive archive = open(Archives.derivers())) {
            write(archive, List.of(
                    html("http://port.example/media/", "20240101000000", "<div id=root></div>"),
                    html("http://port.example/blank", "20240101000001", "   "),
                    html(SOURCE, "20240102000000", "<p>" + STORY + "</p>"),
                    html("http://port.example/media/", "20240102000001", "<div id=root></div>"),
                    html(COPY, "20240103000000", "<p>As they put it:</p><p>" + STORY + "</p>")));
            DerivationStatus status = archive.derivations().status();
            assertEquals(new DerivationStatus(5, 0, 0, List.of()), status);
            assertTrue(reuseBetweenTheCopies(archive));
        }
        assertEquals(List.of(), notices);
    }

    @Test
    void anExtractionThatThrowsIsIndexedAndDerivedLikeTheRest() throws IOException {
        try (Archive archive = open(Archives.derivers())) {
            write(archive, List.of(
                    html(SOURCE, "20240102000000", "<p>" + STORY + "</p>"),
                    html("http://port.example/broken", "20240102000001", "<p>EXPLODE</p>"),
                    html(COPY, "20240103000000", "<p>" + STORY + "</p>")));
            assertEquals(new DerivationStatus(3, 0, 0, List.of()), archive.derivations().status());
            assertTrue(reuseBetweenTheCopies(archive));
        }
        assertEquals(List.of(), notices);
    }

    @Test
    void aDifferThatThrowsFailsItsCaptureOnlyAndARetryDerivesItAfterTheFix() throws IOException {
        String flaky = "http://news.example/flaky.html";
        IndexVersionFlagger real = new IndexVersionFlagger();
        VersionFlagger broken = (previous, previousDocument, current, currentDocument) -> {
            if (current.url().equals(flaky) && previous != null) throw new IllegalArgumentException("differ bug");
            return real.flag(previous, previousDocument, current, currentDocument);
        };
        try (Archive archive = open(derivers(broken))) {
            write(archive, List.of(
                    html(flaky, "20240101000000", "<p>First version of the flaky page.</p>"),
                    html(SOURCE, "20240102000000", "<p>" + STORY + "</p>"),
                    html(flaky, "20240102000001", "<p>Second version of the flaky page.</p>"),
                    html(COPY, "20240103000000", "<p>" + STORY + "</p>")));
            DerivationStatus status = archive.derivations().status();
            // the second version fails; so may the first, when it was derived after the second was indexed (its
            // derivation refreshes the flags of the capture after it)
            assertEquals(0, status.pending());
            assertEquals(4, status.done() + status.failed());
            assertTrue(status.failed() >= 1, status.toString());
            for (DerivationFailure failure : status.failures()) {
                assertEquals(flaky, failure.url());
                assertEquals("versions: differ bug", failure.reason());
                assertEquals(1, failure.attempts());
            }
            assertTrue(status.failures().stream().anyMatch(f -> f.timestamp().equals("20240102000001")));
            assertEquals(status.failed() + (status.failed() == 1 ? " document" : " documents")
                    + " could not be derived: see `warctrail status`", status.failureNotice());
            assertTrue(reuseBetweenTheCopies(archive), "the documents after the failure are derived");
            // reading the timeline never writes: the missing flags are computed, the status is unchanged
            assertEquals(2, new org.warctrail.versions.ArchivedVersions(archive.index()).timeline(SOURCE).size()
                    + new org.warctrail.versions.ArchivedVersions(archive.index()).timeline(COPY).size());
            assertEquals(status, archive.derivations().status());
        }
        try (Archive fixed = open(derivers(real))) {
            long failed = fixed.derivations().status().failed();
            assertTrue(failed >= 1, "opening does not retry what failed");
            assertEquals(failed, fixed.derivations().retry().derived());
            assertEquals(new DerivationStatus(4, 0, 0, List.of()), fixed.derivations().status());
            assertEquals("1 paragraph changed", summaryOfLatest(fixed, flaky));
        }
        assertEquals(List.of(), notices);
    }

    /** A deriver that fails on every capture. */
    private static final Deriver HOPELESS = new Deriver() {
        @Override
        public String name() {
            return "hopeless";
        }

        @Override
        public Batch batch(org.warctrail.index.CaptureIndex index) {
            return capture -> {
                throw new NullPointerException();
            };
        }
    };

    @Test
    void aChainShowsReuseIntoADocumentNotDerivedYetWithoutStoringIt() throws IOException {
        try (Archive archive = open(Archives.derivers())) {
            write(archive, List.of(html(SOURCE, "20240102000000", "<p>" + STORY + "</p>")));
        }
        try (Archive archive = open(List.of(HOPELESS))) {
            write(archive, List.of(html(COPY, "20240103000000", "<p>As they put it:</p><p>" + STORY + "</p>")));
            assertEquals(1, archive.derivations().status().failed());
            Chain chain = new ArchiveProvenance(archive.index()).chain(COPY, 1);
            assertTrue(chain.edges().stream().anyMatch(e -> e.kind().equals(ChainEdge.REUSE) && e.to().equals(SOURCE)),
                    chain.toString());
            assertFalse(reuseBetweenTheCopies(archive), "a read stores nothing");
        }
    }

    @Test
    void aDeriverThatThrowsOnEveryCaptureNeverFailsIndexing() throws IOException {
        Deriver hopeless = HOPELESS;
        try (Archive archive = open(List.of(hopeless))) {
            write(archive, List.of(html(SOURCE, "20240102000000", "<p>" + STORY + "</p>"),
                    html(COPY, "20240103000000", "<p>" + STORY + "</p>")));
            assertEquals(2, archive.index().stats().documents());
            DerivationStatus status = archive.derivations().status();
            assertEquals(2, status.failed());
            assertTrue(status.failures().stream().map(DerivationFailure::reason)
                    .allMatch(Predicate.isEqual("hopeless: NullPointerException")), status.toString());
        }
        assertEquals(List.of(), notices);
    }

    private static String summaryOfLatest(Archive archive, String url) {
        var timeline = new org.warctrail.versions.ArchivedVersions(archive.index()).timeline(url);
        assertFalse(timeline.isEmpty());
        return timeline.get(timeline.size() - 1).flags().summary();
    }

    static WarcResponse html(String url, String timestamp, String body) throws IOException {
        byte[] bytes = ("<html><head><title>page</title></head><body>" + body + "</body></html>")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html; charset=utf-8"), bytes)
                .build();
        return new WarcResponse.Builder(URI.create(url)).date(instant(timestamp)).body(http)
                .payloadDigest(digest(bytes)).build();
    }

    private static Instant instant(String ts) {
        return Instant.parse(ts.substring(0, 4) + "-" + ts.substring(4, 6) + "-" + ts.substring(6, 8) + "T"
                + ts.substring(8, 10) + ":" + ts.substring(10, 12) + ":" + ts.substring(12, 14) + "Z");
    }

    private static WarcDigest digest(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes);
            return new WarcDigest(sha1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
