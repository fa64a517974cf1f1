package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.app.StoreVerifier;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.FileVerification;
import org.warctrail.index.SiteRecords;

/**
 * {@code serve} shows the last verification: a line on the home page, totals in /api/stats, each file's in
 * /api/verifications.
 */
class VerificationShownTest {
    private static final Pattern VERIFIED = Pattern.compile("<p class=\"verified\" id=\"verified\">(.*?)</p>");

    @TempDir
    Path dir;

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    @Timeout(60)
    void theHomePageAndTheApiShowTheLastCheckOfEachFile() throws Exception {
        ServeOptions options = new ServeOptions("127.0.0.1", 0, false, null);
        try (Archive archive = Archives.open(dir, m -> { });
             CaptureJobs jobs = new CaptureJobs(archive, b -> b, false);
             ReplayServer server = new ReplayServer(archive.store(), archive.index(), options)) {
            try (ArchiveRecordSink sink = archive.recordSink(1 << 20, Map.of())) {
                for (List<WarcRecord> batch : SiteRecords.site()) sink.writeAll(batch);
            }
            new ArchiveUi(archive, jobs, server.pages(), options).install(server).start();
            String base = "http://127.0.0.1:" + server.port();
            assertTrue(!get(base + "/").contains("id=\"verified\""), "no line before any verification");

            StoreVerifier verifier = new StoreVerifier(archive.store(), archive.index());
            StoreVerifier.Listener quiet = new StoreVerifier.Listener() {
                @Override
                public void damage(StoreVerifier.Damage damage) {
                }

                @Override
                public void fileDone(FileVerification file) {
                }
            };
            assertTrue(verifier.verify(quiet).intact());
            String line = verifiedLine(base);
            assertTrue(line.matches("Fixity: <strong>1</strong> WARC files verified, last on \\d{4}-\\d\\d-\\d\\d: "
                    + "all intact"), line);

            CaptureRow page = archive.index().captures(SiteRecords.PAGE).get(0);
            try (RandomAccessFile f = new RandomAccessFile(archive.store().resolve(page.file()).toFile(), "rw")) {
                f.seek(page.offset() + page.length() / 2);
                int b = f.read();
                f.seek(page.offset() + page.length() / 2);
                f.write(b ^ 0x01);
            }
            assertTrue(!verifier.verify(quiet).intact());
            assertTrue(verifiedLine(base).contains("<span class=\"failed\">1 damaged records in 1 files</span>"),
                    verifiedLine(base));

            JsonNode stats = Json.MAPPER.readTree(get(base + "/api/stats")).get("verification");
            assertEquals(1, stats.get("files").asInt(), stats.toString());
            assertEquals(1, stats.get("damagedFiles").asInt());
            JsonNode file = Json.MAPPER.readTree(get(base + "/api/verifications")).get("files").get(0);
            assertEquals(page.file(), file.get("file").asText());
            assertEquals(1, file.get("damaged").asInt());
            assertTrue(file.get("firstProblem").asText().startsWith(page.file() + " offset " + page.offset()),
                    file.toString());
        }
    }

    private String verifiedLine(String base) throws Exception {
        Matcher m = VERIFIED.matcher(get(base + "/"));
        assertTrue(m.find(), "no verification line on the home page");
        return m.group(1);
    }

    private String get(String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }
}
