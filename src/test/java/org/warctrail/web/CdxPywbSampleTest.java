package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;

/**
 * The CDX API over warcio's real {@code post-test.warc.gz} (three POSTs to httpbin.org, two to one URL), against
 * the CDXJ that pywb's and cdxj-indexer's own tests expect for it with POST keys appended.
 */
class CdxPywbSampleTest {
    /** cdxj-indexer's expected lines (test_warc_post_query_append), as pywb 2.x indexes the file. */
    private static final List<String> PYWB = List.of(
            "org,httpbin)/post?__wb_method=post&a=1&b=[]&c=3 20140610001151 {\"url\": \"http://httpbin.org/post\", "
                    + "\"mime\": \"application/json\", \"status\": \"200\", \"digest\": \"M7YCTM7HS3YKYQTAWQVMQSQZBNEOXGU2\", "
                    + "\"length\": \"723\", \"offset\": \"1196\", \"filename\": \"post-test.warc.gz\", "
                    + "\"requestBody\": \"A=1&B=[]&C=3\", \"method\": \"POST\"}",
            "org,httpbin)/post?__wb_method=post&data=^&foo=bar 20140610001255 {\"url\": \"http://httpbin.org/post?foo=bar\", "
                    + "\"mime\": \"application/json\", \"status\": \"200\", \"digest\": \"B6E5P6JUZI6UPDTNO4L2BCHMGLTNCUAJ\", "
                    + "\"length\": \"723\", \"offset\": \"2395\", \"filename\": \"post-test.warc.gz\", "
                    + "\"requestBody\": \"data=^\", \"method\": \"POST\"}",
            "org,httpbin)/post?__wb_method=post&foo=bar&test=abc 20140610000859 {\"url\": \"http://httpbin.org/post\", "
                    + "\"mime\": \"application/json\", \"status\": \"200\", \"digest\": \"M532K5WS4GY2H4OVZO6HRPOP47A7KDWU\", "
                    + "\"length\": \"720\", \"offset\": \"0\", \"filename\": \"post-test.warc.gz\", "
                    + "\"requestBody\": \"foo=bar&test=abc\", \"method\": \"POST\"}");

    @TempDir
    Path dir;

    private static String get(int port, String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() + "\n" + r.body();
    }

    @Test
    @Timeout(60)
    void postsAreKeyedByTheirBodiesAsPywbKeysThem() throws Exception {
        Path warc = Path.of("src/test/resources/real-warcs/warcio/post-test.warc.gz");
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.NONE)) {
            archive.importFiles(List.of(warc), ImportOptions.IN_PLACE, ImportListener.NONE);
            try (ReplayServer server = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0)).start()) {
                String body = get(server.port(), "/cdx?url=httpbin.org/post*&output=cdxj");
                List<String> lines = List.of(body.split("\n"));
                assertEquals("200", lines.get(0));
                List<String> ours = lines.subList(1, lines.size()).stream()
                        .map(l -> l.replaceAll("\"filename\": \"[^\"]*post-test.warc.gz\"", "\"filename\": \"post-test.warc.gz\""))
                        .toList();
                assertEquals(PYWB, ours);
                // an exact query for the bare URL finds none of the POSTs, as in pywb
                assertEquals("200\n", get(server.port(), "/cdx?url=http://httpbin.org/post"));
            }
        }
    }

    /**
     * pywb's CDX server over that index: {@code output=json} gives every field of the line, requestBody and
     * method last; {@code fields=} picks them too, and a GET capture has neither (JSON leaves them out).
     */
    @Test
    @Timeout(60)
    void jsonOutputHasTheMethodAndRequestBodyOfPosts() throws Exception {
        Path posts = Path.of("src/test/resources/real-warcs/warcio/post-test.warc.gz");
        Path gets = Path.of("src/test/resources/real-warcs/warcio/example.warc.gz");
        ObjectMapper json = new ObjectMapper();
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.NONE)) {
            archive.importFiles(List.of(posts, gets), ImportOptions.IN_PLACE, ImportListener.NONE);
            try (ReplayServer server = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0)).start()) {
                String[] lines = get(server.port(), "/cdx?url=httpbin.org/post*&output=json").split("\n");
                assertEquals("200", lines[0]);
                JsonNode first = json.readTree(lines[1]);
                assertEquals(List.of("urlkey", "timestamp", "url", "mime", "status", "digest", "length", "offset",
                        "filename", "requestBody", "method"), fieldNames(first));
                assertEquals("A=1&B=[]&C=3", first.get("requestBody").asText());
                assertEquals("POST", first.get("method").asText());
                assertEquals("data=^", json.readTree(lines[2]).get("requestBody").asText());
                assertEquals("foo=bar&test=abc", json.readTree(lines[3]).get("requestBody").asText());

                String[] picked = get(server.port(), "/cdx?url=httpbin.org/post*&output=json&fields=timestamp,method,"
                        + "requestBody").split("\n");
                assertEquals("{\"timestamp\":\"20140610001151\",\"method\":\"POST\",\"requestBody\":\"A=1&B=[]&C=3\"}",
                        picked[1]);
                assertEquals("200\n20140610000859 POST foo=bar&test=abc\n", get(server.port(),
                        "/cdx?url=httpbin.org/post*&fl=timestamp,method,requestBody&filter=method:POST&filter=~requestBody:foo=b"));

                JsonNode plain = json.readTree(get(server.port(), "/cdx?url=http://example.com/&output=json&limit=1")
                        .split("\n")[1]);
                assertFalse(plain.has("method") || plain.has("requestBody"), plain.toString());
                assertEquals("200\n{\"url\":\"http://example.com/\"}\n", get(server.port(),
                        "/cdx?url=http://example.com/&output=json&limit=1&fl=url,method,requestBody"));
                assertEquals("200\nhttp://example.com/ - -\n", get(server.port(),
                        "/cdx?url=http://example.com/&limit=1&fl=url,method,requestBody"));
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    @Timeout(60)
    void aRequestThatRunsOutOfTimeStopsWith503() throws Exception {
        Path warc = Path.of("src/test/resources/real-warcs/warcio/post-test.warc.gz");
        AtomicLong now = new AtomicLong();
        // every look at the clock moves it on a second: the budget of 2 s is spent after a few rows
        RequestBudget budget = new RequestBudget(Duration.ofSeconds(2), () -> now.getAndAdd(1_000_000_000L));
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { }, DocumentExtractor.NONE)) {
            archive.importFiles(List.of(warc), ImportOptions.IN_PLACE, ImportListener.NONE);
            try (ReplayServer server = new ReplayServer(archive.store(), archive.index(), ServeOptions.loopback(0))
                    .requestBudget(budget).start()) {
                String answer = get(server.port(), "/cdx?url=httpbin.org/post*&filter=nothing-matches");
                assertTrue(answer.startsWith("503\nthis request took longer than the server's 2 s budget"), answer);
            }
        }
    }
}
