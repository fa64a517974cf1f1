package org.warctrail.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.index.SearchHit;
import org.warctrail.index.SearchOptions;
import org.warctrail.store.RotatingWarcWriter;

/**
 * The index takes a page's document from the rendered DOM written right after its response, and from nowhere else:
 * a rendered DOM with no response of its own before it is kept as a capture without a document.
 */
class RenderedDocumentIndexTest {
    private static final String SHELL = "<html><head><title>Loading…</title></head><body><p>Loading…</p>"
            + "<script src=/app.js></script></body></html>";

    @TempDir
    Path dir;

    @Test
    void thePageIsSearchedByWhatItRenderedAndTheDomWithoutItsResponseByNothing() throws Exception {
        Instant date = Instant.parse("2016-10-04T08:00:00Z");
        URI pageId = newId();
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { })) {
            try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
                sink.write(new ArrayList<>(List.of(response("http://news.example/story", pageId, date),
                        dom("http://news.example/story", pageId, date, "Storm surge floods the quay",
                                "The storm surge flooded the quay and the fish market before dawn on Tuesday."))));
                // a rendered DOM whose response is elsewhere (another tool reordered the file): no document
                sink.write(new ArrayList<>(List.of(dom("http://news.example/other", newId(), date, "Orphan headline",
                        "An orphaned rendering about lighthouse keepers that nothing points back to."))));
            }
            List<SearchHit> hits = search(archive, "storm surge quay");
            assertEquals(1, hits.size());
            assertEquals("http://news.example/story", hits.get(0).url());
            assertEquals("Storm surge floods the quay", hits.get(0).title());
            assertTrue(hits.get(0).rendered());
            assertEquals(List.of(), search(archive, "loading"), "the shell's text is no longer the document");
            assertEquals(List.of(), search(archive, "lighthouse keepers"));
            assertEquals(1, archive.index().captures("urn:rendered-dom:http://news.example/other").size());
        }
    }

    private static List<SearchHit> search(Archive archive, String query) {
        return archive.search().search(query, new SearchOptions(null, null, null, 10, 0)).results();
    }

    private static WarcRecord response(String url, URI id, Instant date) throws IOException {
        byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
                + SHELL.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + SHELL).getBytes(StandardCharsets.UTF_8);
        return new WarcResponse.Builder(URI.create(url)).recordId(id).date(date).body(MediaType.HTTP_RESPONSE, http)
                .build();
    }

    private static WarcRecord dom(String url, URI renders, Instant date, String headline, String text) {
        String html = "<!DOCTYPE html>\n<html><head><title>" + headline + "</title></head><body><article><h1>" + headline
                + "</h1><p>" + text + "</p><p>" + text + "</p></article></body></html>";
        return new WarcResource.Builder(URI.create("urn:rendered-dom:" + url)).recordId(newId()).date(date)
                .concurrentTo(renders).body(MediaType.parse("text/html; charset=utf-8"),
                        html.getBytes(StandardCharsets.UTF_8)).build();
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }
}
