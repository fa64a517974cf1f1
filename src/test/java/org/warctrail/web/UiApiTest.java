package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.warctrail.cli.DiffCommand;
import org.warctrail.cli.SearchCommand;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.index.SearchOptions;
import org.warctrail.provenance.ArchiveProvenance;
import picocli.CommandLine;

/**
 * The JSON API over a fixture-web store: the same documents as the CLI's --json, captures listed per URL,
 * capture from the UI with its server-sent progress, and the refusals (private targets, other origins, no token).
 */
class UiApiTest {
    static FixtureArchive fixture;
    static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void start() throws Exception {
        fixture = new FixtureArchive();
    }

    @AfterAll
    static void stop() throws Exception {
        if (fixture != null) fixture.close();
    }

    static HttpResponse<String> get(String base, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String base, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apiSearchIsTheDocumentOfSearchJson() throws Exception {
        HttpResponse<String> r = get(fixture.base(), "/api/search?q=Pentagon");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode api = Json.MAPPER.readTree(r.body());
        StringWriter out = new StringWriter();
        int code = new CommandLine(new SearchCommand()).setOut(new PrintWriter(out))
                .execute("--store", fixture.archive.store().dir().toString(), "--json", "Pentagon");
        assertEquals(0, code);
        assertEquals(Json.MAPPER.readTree(out.toString()), api);
        assertTrue(api.get("total").asInt() >= 1);
        JsonNode first = api.get("results").get(0);
        for (String field : List.of("url", "timestamp", "title", "snippet", "matches", "score")) assertTrue(first.has(field), field);
        // the snippet is plain text; the matched words are offsets into it
        String snippet = first.get("snippet").asText();
        assertTrue(!snippet.contains("<b>") && !snippet.contains("&quot;") && !snippet.contains("&amp;"), snippet);
        assertTrue(first.get("matches").size() >= 1, first.toString());
        for (JsonNode m : first.get("matches")) {
            assertEquals("pentagon", snippet.substring(m.get("start").asInt(), m.get("end").asInt()).toLowerCase(), snippet);
        }
    }

    @Test
    void apiSearchFiltersAndPages() throws Exception {
        JsonNode none = Json.MAPPER.readTree(get(fixture.base(), "/api/search?q=Pentagon&site=nowhere.example").body());
        assertEquals(0, none.get("total").asInt());
        JsonNode one = Json.MAPPER.readTree(get(fixture.base(), "/api/search?q=Russia&limit=1").body());
        assertEquals(1, one.get("results").size());
        JsonNode second = Json.MAPPER.readTree(get(fixture.base(), "/api/search?q=Russia&limit=1&page=2").body());
        if (one.get("total").asInt() > 1) {
            assertTrue(!one.get("results").get(0).get("url").equals(second.get("results").get(0).get("url")));
        }
        assertEquals(400, get(fixture.base(), "/api/search").statusCode());
    }

    @Test
    void apiCapturesListsEachVersion() throws Exception {
        HttpResponse<String> r = get(fixture.base(), "/api/captures?url=" + ArchiveUrls.encode(FixtureWeb.BLOG_POST.toString()));
        assertEquals(200, r.statusCode());
        JsonNode doc = Json.MAPPER.readTree(r.body());
        assertEquals(FixtureWeb.BLOG_POST.toString(), doc.get("url").asText());
        assertEquals(2, doc.get("captures").size(), r.body());
        assertEquals(fixture.firstCapture, doc.get("captures").get(0).get("timestamp").asText());
        assertEquals(404, get(fixture.base(), "/api/captures?url=http%3A%2F%2Fnever.example%2F").statusCode());
    }

    @Test
    void apiCapturesMarksWhatChangedAtEachVersion() throws Exception {
        JsonNode doc = Json.MAPPER.readTree(get(fixture.base(), "/api/captures?url="
                + ArchiveUrls.encode(FixtureWeb.BLOG_POST.toString())).body());
        JsonNode first = doc.get("captures").get(0);
        JsonNode second = doc.get("captures").get(1);
        assertEquals("first", first.get("kind").asText());
        assertEquals("substantive", second.get("kind").asText(), second.toString());
        assertTrue(second.get("changed").asBoolean());
        assertTrue(second.get("summary").asText().contains("number"), second.toString());
    }

    @Test
    void apiChainTraceAndDiffAreTheDocumentsOfTheCommands() throws Exception {
        ArchiveProvenance provenance = new ArchiveProvenance(fixture.archive.index());
        String post = FixtureWeb.BLOG_POST.toString();
        JsonNode chain = Json.MAPPER.readTree(get(fixture.base(), "/api/chain?url=" + ArchiveUrls.encode(post)).body());
        assertEquals(Json.MAPPER.readTree(Json.write(provenance.chain(post, 3))), chain);
        for (String field : List.of("root", "nodes", "edges")) assertTrue(chain.has(field), field);
        String quote = "the call to knock it off was put in place and the attacks ceased";
        JsonNode trace = Json.MAPPER.readTree(get(fixture.base(), "/api/trace?q=" + ArchiveUrls.encode(quote)).body());
        assertEquals(Json.MAPPER.readTree(Json.write(provenance.trace(quote))), trace);
        assertEquals(FixtureWeb.TRANSCRIPT_PDF.toString(), trace.get("origin").get("url").asText());
        JsonNode diff = Json.MAPPER.readTree(get(fixture.base(), "/api/diff?url=" + ArchiveUrls.encode(post)).body());
        StringWriter out = new StringWriter();
        assertEquals(0, new CommandLine(new DiffCommand()).setOut(new PrintWriter(out))
                .execute("--store", fixture.archive.store().dir().toString(), "--json", post));
        assertEquals(Json.MAPPER.readTree(out.toString()), diff);
        for (String field : List.of("url", "from", "to", "changed", "summary", "fields", "numbers", "quotesAdded",
                "quotesRemoved", "linksAdded", "linksRemoved", "paragraphs")) {
            assertTrue(diff.has(field), field);
        }
        assertEquals(fixture.firstCapture, diff.get("from").get("timestamp").asText());
        JsonNode number = diff.get("numbers").get(0);
        assertEquals(List.of("62", "70"), List.of(number.get("from").asText(), number.get("to").asText()).stream().sorted().toList());
        assertEquals(404, get(fixture.base(), "/api/diff?url=http%3A%2F%2Fnever.example%2F").statusCode());
        assertEquals(400, get(fixture.base(), "/api/diff?url=" + ArchiveUrls.encode(post) + "&from=abc").statusCode());
    }

    @Test
    void captureTheGapsFormStartsOneCrawlOfEverySeed() throws Exception {
        awaitIdle();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(fixture.base() + "/api/captures"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("url=" + ArchiveUrls.encode(FixtureWeb.MIRROR_COPY.toString())
                        + "&url=" + ArchiveUrls.encode(FixtureWeb.LATIN1_PAGE.toString()) + "&depth=0")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(303, r.statusCode(), r.body());
        String location = r.headers().firstValue("Location").orElseThrow();
        assertTrue(location.startsWith("/capture?job="), location);
        String id = location.substring("/capture?job=".length());
        JsonNode status = awaitJob(id);
        assertEquals("done", status.get("state").asText(), status.toString());
        // The result is the document of capture --json: these fields, no others.
        List<String> fields = new ArrayList<>();
        status.get("result").fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("captured", "pages", "resources", "bytes", "seconds", "failures", "stopReason"), fields);
        List<String> item = new ArrayList<>();
        status.get("result").get("captured").get(0).fieldNames().forEachRemaining(item::add);
        assertEquals(List.of("url", "timestamp", "status", "type", "revisit"), item);
        List<String> urls = new ArrayList<>();
        status.get("result").get("captured").forEach(c -> urls.add(c.get("url").asText()));
        assertTrue(urls.contains(FixtureWeb.MIRROR_COPY.toString()) && urls.contains(FixtureWeb.LATIN1_PAGE.toString()), urls.toString());
        assertEquals(200, get(fixture.base(), location).statusCode());
    }

    static JsonNode awaitJob(String id) throws Exception {
        for (int i = 0; i < 300; i++) {
            JsonNode status = Json.MAPPER.readTree(get(fixture.base(), "/api/captures/jobs/" + id).body());
            String state = status.get("state").asText();
            if (state.equals("done") || state.equals("failed")) return status;
            Thread.sleep(100);
        }
        throw new AssertionError("capture job " + id + " did not finish");
    }

    /** Waits for the capture another test may have started (one runs at a time). */
    static void awaitIdle() throws Exception {
        for (long id = 1; id < 20; id++) {
            HttpResponse<String> r = get(fixture.base(), "/api/captures/jobs/" + id);
            if (r.statusCode() == 404) return;
            awaitJob(Long.toString(id));
        }
    }

    @Test
    void captureFromTheApiStreamsProgressAndIndexesTheResult() throws Exception {
        awaitIdle();
        HttpResponse<String> started = post(fixture.base(), "/api/captures",
                "{\"url\":\"" + FixtureWeb.IMAGE_CREDIT + "\",\"depth\":0}");
        assertEquals(202, started.statusCode(), started.body());
        JsonNode job = Json.MAPPER.readTree(started.body());
        HttpResponse<InputStream> events = client.send(HttpRequest.newBuilder(
                URI.create(fixture.base() + job.get("events").asText())).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertTrue(events.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), events.statusCode() + " " + events.headers().map());
        List<String> names = new ArrayList<>();
        String doneData = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            String line;
            String event = null;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("event: ")) event = line.substring(7);
                if (line.startsWith("data: ") && event != null) {
                    names.add(event);
                    if (event.equals("done") || event.equals("error")) {
                        doneData = line.substring(6);
                        break;
                    }
                }
            }
        }
        assertTrue(names.contains("fetched") && names.contains("progress"), names.toString());
        assertEquals("done", names.get(names.size() - 1), doneData);
        JsonNode done = Json.MAPPER.readTree(doneData);
        assertTrue(done.get("summary").get("pages").asInt() + done.get("summary").get("resources").asInt() >= 1);
        assertTrue(done.get("snapshotHref").asText().endsWith("/" + FixtureWeb.IMAGE_CREDIT), doneData);
        JsonNode status = Json.MAPPER.readTree(get(fixture.base(), "/api/captures/jobs/" + job.get("id").asInt()).body());
        assertEquals("done", status.get("state").asText());
        assertEquals(200, get(fixture.base(), "/api/captures?url=" + ArchiveUrls.encode(FixtureWeb.IMAGE_CREDIT.toString())).statusCode());
    }

    @Test
    void privateTargetsOtherOriginsAndMissingTokensAreRefused() throws Exception {
        ServeOptions publicOnly = new ServeOptions("127.0.0.1", 0, false, "s3cret");
        try (CaptureJobs jobs = new CaptureJobs(fixture.archive, b -> b, false);
             ReplayServer server = new ReplayServer(fixture.archive.store(), fixture.archive.index(), publicOnly)) {
            new ArchiveUi(fixture.archive, jobs, server.pages(), publicOnly).install(server).start();
            String base = "http://127.0.0.1:" + server.port();
            // The capture form asks for the token when the server needs one; pages never carry it.
            String form = get(base, "/capture").body();
            assertTrue(form.contains("name=\"token\""), form);
            assertTrue(!form.contains("s3cret") && !get(base, "/").body().contains("s3cret"));
            for (String target : List.of("http://127.0.0.1:" + fixture.web.port() + "/", "http://localhost/",
                    "http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/",
                    "http://[::1]/", "http://[fe80::1]/", "http://0.0.0.0/")) {
                HttpResponse<String> r = post(base, "/api/captures", "{\"url\":\"" + target + "\",\"depth\":0}",
                        WriteGuard.TOKEN_HEADER, "s3cret");
                assertEquals(400, r.statusCode(), target + ": " + r.body());
                assertTrue(r.body().contains("refused"), r.body());
            }
            assertEquals(400, post(base, "/api/captures", "{\"url\":\"file:///etc/passwd\"}", WriteGuard.TOKEN_HEADER, "s3cret").statusCode());
            assertEquals(400, post(base, "/api/captures", "{\"url\":\"http://blog.example/\",\"depth\":99}", WriteGuard.TOKEN_HEADER, "s3cret").statusCode());
            assertEquals(401, post(base, "/api/captures", "{\"url\":\"http://example.com/\"}").statusCode());
            assertEquals(403, post(base, "/api/captures", "{\"url\":\"http://example.com/\"}",
                    "Origin", "http://evil.example", WriteGuard.TOKEN_HEADER, "s3cret").statusCode());
            assertEquals(403, post(base, "/api/captures", "{\"url\":\"http://example.com/\"}",
                    "Origin", "null", WriteGuard.TOKEN_HEADER, "s3cret").statusCode());
        }
    }
}
