package org.warctrail.versions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.store.RotatingWarcWriter;

/**
 * Versions written through the archive's record sink, extracted by the real extractor, flagged by the index as
 * they are written, and diffed back from the index.
 */
class ArchivedVersionsTest {
    static final String URL = "https://news.example/2016/09/strike";

    static final String P1 = "An air strike by the US-led coalition hit Syrian army positions near Deir ez-Zor on "
            + "Saturday, the Syrian military said in a statement released in Damascus late in the evening.";
    static final String P2 = "The military said at least 70 soldiers were killed and about 100 wounded in the attack, "
            + "which lasted close to an hour and involved several aircraft making repeated bombing runs.";
    static final String P3 = "The Russian military said it had tried to contact its US counterparts twice before the "
            + "strikes were halted, according to a spokesman who spoke to reporters at the Pentagon.";
    static final String P4 = "Survivors described repeated bombing runs over the hills east of the city, and said the "
            + "aircraft returned after the first passes to strike the positions again while they retreated.";

    static String page(String title, String advert, String... paragraphs) {
        StringBuilder body = new StringBuilder();
        for (String p : paragraphs) body.append("<p>").append(p).append("</p>\n");
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta property=\"og:title\" content=\"" + title + "\"></head><body>"
                + "<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav>"
                + "<article><h1>" + title + "</h1>\n" + body + "</article>"
                + "<aside class=\"advert\"><a href=\"https://ads.example/" + advert + "\">Sponsored offer " + advert
                + "</a></aside></body></html>";
    }

    @Test
    void captureTimeFlagsAndDiffsFromTheIndex(@TempDir Path dir) throws IOException {
        String title = "Coalition strike hits Syrian army positions";
        WarcResponse v1 = response("20160918100000", 200, page(title, "a", P1, P2, P3, P4), null);
        WarcResponse v2 = response("20160919100000", 200,
                page(title, "a", P1, P2.replace("at least 70", "62"), P3, P4), null);
        WarcRevisit v3 = revisit("20160920100000", v2);
        WarcResponse v4 = response("20160921100000", 200,
                page(title, "b", P1, P2.replace("at least 70", "62"), P3, P4), null);
        WarcResponse v5 = response("20160922100000", 503, "Service unavailable", null);
        WarcResponse v6 = response("20161001100000", 404, "<html><body>Not found</body></html>", null);
        WarcResponse v7 = response("20161002100000", 301, "", "https://news.example/archive/strike");
        try (Archive archive = Archives.open(dir, m -> { });
             ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            for (WarcRecord r : List.of(v1, v2, v3, v4, v5, v6, v7)) sink.write(List.of(r));
            sink.awaitIndexed();
            ArchivedVersions versions = new ArchivedVersions(archive.index());

            List<ArchivedVersion> timeline = versions.timeline(URL);
            assertEquals(List.of(ChangeKind.FIRST, ChangeKind.SUBSTANTIVE, ChangeKind.IDENTICAL,
                            ChangeKind.ARTICLE_UNCHANGED, ChangeKind.FAILED, ChangeKind.STATUS, ChangeKind.REDIRECT),
                    timeline.stream().map(v -> v.flags().kind()).toList(), timeline.toString());
            assertEquals("1 number changed", timeline.get(1).flags().summary());
            assertEquals("20160921100000", timeline.get(5).flags().previousTimestamp(), "the 503 is no baseline");
            assertEquals("now answers 404", timeline.get(5).flags().summary());
            assertEquals("now redirects to https://news.example/archive/strike", timeline.get(6).flags().summary());

            VersionDiff correction = versions.diff(URL, "20160918", "20160919");
            assertEquals(1, correction.numbers().size());
            assertEquals("70", correction.numbers().get(0).from());
            assertEquals("62", correction.numbers().get(0).to());
            assertEquals(title, correction.to().title());

            VersionDiff advert = versions.diff(URL, "20160920100000", "20160921100000");
            assertFalse(advert.changed(), advert.toString());
            assertTrue(advert.summary().startsWith("no change in the article"), advert.summary());

            VersionDiff latest = versions.diff(URL, null, null);
            assertEquals("20161001100000", latest.from().timestamp());
            assertEquals(ChangeKind.REDIRECT, latest.kind());

            assertThrows(IllegalArgumentException.class, () -> versions.diff("https://elsewhere.example/", null, null));
        }
    }

    @Test
    void reindexAndOutOfOrderImportsKeepFlagsRight(@TempDir Path dir) throws IOException {
        String title = "Coalition strike hits Syrian army positions";
        WarcResponse v1 = response("20160918100000", 200, page(title, "a", P1, P2, P3), null);
        WarcResponse v2 = response("20160919100000", 200, page(title, "a", P1, P2, P3, P4), null);
        WarcResponse v3 = response("20160920100000", 200, page(title, "a", P1, P3, P4), null);
        try (Archive archive = Archives.open(dir, m -> { });
             ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            // the newest first, then the oldest, then the middle one: each insert fixes the flags after it
            sink.write(List.of(v3));
            sink.awaitIndexed();
            sink.write(List.of(v1));
            sink.awaitIndexed();
            sink.write(List.of(v2));
            sink.awaitIndexed();
            List<String> summaries = new ArchivedVersions(archive.index()).timeline(URL).stream()
                    .map(v -> v.flags().summary()).toList();
            assertEquals(List.of("first capture", "1 paragraph added", "1 paragraph removed"), summaries);
            archive.reindex(ImportListener.NONE);
            assertEquals(summaries, new ArchivedVersions(archive.index()).timeline(URL).stream()
                    .map(v -> v.flags().summary()).toList());
            assertNotNull(archive.index().captures(URL).get(0));
        }
    }

    static WarcResponse response(String timestamp, int status, String body, String location) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Status")
                .body(MediaType.parse("text/html; charset=utf-8"), bytes);
        if (location != null) http.addHeader("Location", location);
        return new WarcResponse.Builder(URI.create(URL)).date(instant(timestamp)).body(http.build())
                .payloadDigest(digest(bytes)).build();
    }

    static WarcRevisit revisit(String timestamp, WarcResponse original) throws IOException {
        HttpResponse http = new HttpResponse.Builder(200, "OK").addHeader("Content-Type", "text/html").build();
        return new WarcRevisit.Builder(URI.create(URL), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .date(instant(timestamp)).body(http)
                .refersTo(original.id(), original.target(), original.date())
                .payloadDigest(original.payloadDigest().orElseThrow()).build();
    }

    static Instant instant(String timestamp) {
        return LocalDateTime.parse(timestamp, DateTimeFormatter.ofPattern("yyyyMMddHHmmss")).toInstant(ZoneOffset.UTC);
    }

    static WarcDigest digest(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes);
            return new WarcDigest(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
