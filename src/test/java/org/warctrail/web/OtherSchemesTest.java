package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.store.RotatingWarcWriter;

/** Records archived under metadata:, urn: and file: URLs (wget's manifest, Webrecorder's text) replay from id_. */
class OtherSchemesTest {
    @TempDir
    Path dir;

    @Test
    void idModeServesRecordsOfEveryIndexedScheme() throws Exception {
        List<String> urls = List.of("metadata://gnu.org/software/wget/warc/MANIFEST.txt", "urn:pageinfo:http://example.com/",
                "file:///home/user/notes.txt");
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.NONE)) {
            try (ArchiveRecordSink sink = archive.recordSink(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
                for (String url : urls) sink.write(new java.util.ArrayList<>(List.of(resource(url))));
            }
            try (ReplayServer server = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0)).start()) {
                for (String url : urls) {
                    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/web/20240101000000id_/" + url)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, r.statusCode(), url + ": " + r.body());
                    assertEquals("content of " + url, r.body());
                }
            }
        }
    }

    private static WarcRecord resource(String url) throws IOException {
        byte[] body = ("content of " + url).getBytes(StandardCharsets.UTF_8);
        return new WarcResource.Builder(URI.create(url)).date(CaptureTime.toInstant("20240101000000"))
                .body(MediaType.parse("text/plain"), body).payloadDigest(ArchiveFixture.digest(body)).build();
    }
}
