package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse.Builder;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.fixture.UnreadableCaptureWarc;
import org.warctrail.index.CaptureRow;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.versions.ArchivedVersion;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.versions.ChangeKind;

/**
 * Three captures of one page: good, one whose HTTP head cannot be read (indexed with status 0), then good and
 * changed. The unreadable one is a failed capture, not a version: no change markers of its own, and the third is
 * compared with the first (before, the page "emptied" and "came back": two substantive changes).
 */
class UnreadableCaptureTest {
    static final String URL = UnreadableCaptureWarc.URL;

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void anUnreadableCaptureIsAFailedCaptureOnTheTimeline() throws Exception {
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { })) {
            archive.importFiles(List.of(UnreadableCaptureWarc.write(dir)), ImportOptions.IN_PLACE, ImportListener.NONE);
            List<CaptureRow> rows = archive.index().captures(URL);
            assertEquals(3, rows.size());
            assertEquals(0, rows.get(1).status(), "the garbled head has no status");
            assertTrue(rows.get(1).failed());

            List<ArchivedVersion> timeline = new ArchivedVersions(archive.index()).timeline(URL);
            assertEquals(List.of(ChangeKind.FIRST, ChangeKind.FAILED, ChangeKind.SUBSTANTIVE),
                    timeline.stream().map(v -> v.flags().kind()).toList(), timeline.toString());
            assertEquals("capture failed (its HTTP head is unreadable); not a change", timeline.get(1).flags().summary());
            assertEquals("20160918100000", timeline.get(2).flags().previousTimestamp(), "compared with the first");
            assertEquals("1 number changed", timeline.get(2).flags().summary());
            // the latest diff skips the failed capture too
            assertEquals("20160918100000", new ArchivedVersions(archive.index()).diff(URL, null, null).from().timestamp());

            try (ReplayServer server = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0))
                    .changeMarkers(new ChangeMarkers(new ArchivedVersions(archive.index()))).start()) {
                String html = get(server.port(), "/timeline?url=" + ArchiveUrls.encode(URL));
                List<Element> cells = Jsoup.parse(html).select("table.captures tbody tr td.change");
                assertEquals(3, cells.size());
                assertEquals(1, cells.get(1).select(".marker.kind-failed").size(), cells.get(1).outerHtml());
                assertTrue(cells.get(1).select(".changed, .diff-link, .change-summary").isEmpty(),
                        "a failed capture has no change of its own: " + cells.get(1).outerHtml());
                assertEquals(1, cells.get(2).select(".marker.kind-substantive.changed").size());
                Element diff = cells.get(2).selectFirst("a.diff-link");
                assertNotNull(diff);
                assertTrue(diff.attr("href").contains("from=20160918100000&to=20160920100000"), diff.attr("href"));
                assertEquals(1, Jsoup.parse(html).select(".marker.changed").size() - 1,
                        "one change after the first capture, not two");

            }
        }
    }

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}
