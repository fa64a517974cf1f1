package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.index.WatchesTable;
import org.warctrail.versions.RecaptureResult;
import org.warctrail.watch.StoredWatches;

/**
 * Watches from the UI on an empty store: added by JSON and by form, listed, removed, refused when invalid,
 * private or cross-origin, and then run by {@link StoredWatches} against a local site.
 */
class WatchesApiTest {
    static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    static Path dir;
    static Archive archive;
    static CaptureJobs jobs;
    static ReplayServer open;      // --allow-private, not running watches
    static ReplayServer guarded;   // public targets only, running watches (serve --watch)
    static HttpServer site;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("warctrail-watches");
        archive = Archives.open(dir.resolve("store"), notice -> { });
        jobs = new CaptureJobs(archive, b -> b, true);
        open = server(new ServeOptions("127.0.0.1", 0, true, null), false);
        guarded = server(new ServeOptions("127.0.0.1", 0, false, null), true);
        site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        site.createContext("/news/story.html", ex -> {
            byte[] body = ("<!DOCTYPE html><html><head><title>Story</title></head><body><article><h1>Story</h1>"
                    + "<p>The council voted on Tuesday to close the library for the summer months.</p></article>"
                    + "</body></html>").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        site.start();
    }

    private static ReplayServer server(ServeOptions options, boolean watchesRun) {
        ReplayServer server = new ReplayServer(archive.store(), archive.index(), options);
        new ArchiveUi(archive, jobs, server.pages(), options, watchesRun).install(server).start();
        return server;
    }

    @AfterAll
    static void stop() throws Exception {
        if (site != null) site.stop(0);
        if (open != null) open.close();
        if (guarded != null) guarded.close();
        if (jobs != null) jobs.close();
        if (archive != null) archive.close();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    @BeforeEach
    void noWatches() {
        WatchesTable table = new WatchesTable(archive.index());
        table.list().forEach(w -> table.remove(w.url()));
    }

    static String base(ReplayServer server) {
        return "http://127.0.0.1:" + server.port();
    }

    static HttpResponse<String> get(ReplayServer server, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base(server) + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postJson(ReplayServer server, String path, String json, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base(server) + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (headers.length > 0) b.headers(headers);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> postForm(ReplayServer server, String path, String form) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base(server) + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode listing(ReplayServer server) throws Exception {
        HttpResponse<String> r = get(server, "/api/watches");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return Json.MAPPER.readTree(r.body());
    }

    @Test
    void addedByJsonIsListedAndRemoved() throws Exception {
        HttpResponse<String> added = postJson(open, "/api/watches",
                "{\"url\":\"http://news.example/story\",\"every\":\"6h\",\"depth\":1,\"allChanges\":true}");
        assertEquals(201, added.statusCode(), added.body());
        JsonNode watch = Json.MAPPER.readTree(added.body());
        assertEquals("http://news.example/story", watch.get("url").asText());
        assertEquals(6 * 3600, watch.get("everySeconds").asLong());
        assertEquals(1, watch.get("depth").asInt());
        assertTrue(watch.get("allChanges").asBoolean());
        assertTrue(watch.get("lastAttempt").isNull() && watch.get("nextRun").isNull(), watch.toString());

        JsonNode list = listing(open);
        assertFalse(list.get("running").asBoolean());
        assertEquals(1, list.get("watches").size());
        assertEquals(watch, list.get("watches").get(0));
        assertTrue(listing(guarded).get("running").asBoolean());

        // Adding again reschedules the same watch.
        assertEquals(201, postJson(open, "/api/watches", "{\"url\":\"http://news.example/story\",\"every\":\"1d\"}").statusCode());
        list = listing(open);
        assertEquals(1, list.get("watches").size());
        assertEquals(86400, list.get("watches").get(0).get("everySeconds").asLong());
        assertEquals(0, list.get("watches").get(0).get("depth").asInt());

        HttpResponse<String> removed = postJson(open, "/api/watches/remove", "{\"url\":\"http://news.example/story\"}");
        assertEquals(200, removed.statusCode(), removed.body());
        assertEquals("http://news.example/story", Json.MAPPER.readTree(removed.body()).get("removed").asText());
        assertEquals(0, listing(open).get("watches").size());
        HttpResponse<String> again = postJson(open, "/api/watches/remove", "{\"url\":\"http://news.example/story\"}");
        assertEquals(404, again.statusCode(), again.body());
        assertTrue(again.body().contains("not watched: http://news.example/story"), again.body());
    }

    @Test
    void formsAddAndRemoveAndRedirectToThePage() throws Exception {
        HttpResponse<String> added = postForm(open, "/api/watches", "url=" + ArchiveUrls.encode("https://news.example/a?b=1")
                + "&every=30m&depth=0&allChanges=on");
        assertEquals(303, added.statusCode(), added.body());
        assertEquals("/watches", added.headers().firstValue("Location").orElseThrow());
        JsonNode w = listing(open).get("watches").get(0);
        assertEquals("https://news.example/a?b=1", w.get("url").asText());
        assertEquals(1800, w.get("everySeconds").asLong());
        assertTrue(w.get("allChanges").asBoolean());

        HttpResponse<String> page = get(open, "/watches");
        assertEquals(200, page.statusCode());
        String html = page.body();
        assertTrue(html.contains("href=\"/timeline?url=" + ArchiveUrls.encode("https://news.example/a?b=1").replace("&", "&amp;") + "\""), html);
        assertTrue(html.contains("<td>30m</td>") && html.contains("due now"), html);
        assertTrue(html.contains("watches run when the server is started with <code>serve --watch</code>"), html);
        assertTrue(html.contains("action=\"/api/watches/remove\"") && html.contains("href=\"/watches\""), html);
        assertFalse(get(guarded, "/watches").body().contains("does not run them"));

        HttpResponse<String> removed = postForm(open, "/api/watches/remove", "url=" + ArchiveUrls.encode("https://news.example/a?b=1"));
        assertEquals(303, removed.statusCode(), removed.body());
        assertEquals(0, listing(open).get("watches").size());
        assertTrue(get(open, "/watches").body().contains("No watches yet."));
    }

    @Test
    void invalidWatchesAreRefusedWithTheReason() throws Exception {
        for (String[] bad : List.of(
                new String[] {"{\"url\":\"ftp://news.example/\"}", "http and https"},
                new String[] {"{\"url\":\"file:///etc/passwd\"}", "http and https"},
                new String[] {"{\"every\":\"1h\"}", "give the URL"},
                new String[] {"{\"url\":\"http://news.example/\",\"every\":\"30s\"}", "at least 1m"},
                new String[] {"{\"url\":\"http://news.example/\",\"every\":\"soon\"}", "not a duration"},
                new String[] {"{\"url\":\"http://news.example/\",\"every\":\"0m\"}", "positive"},
                new String[] {"{\"url\":\"http://news.example/\",\"depth\":6}", "depth must be 0..5"},
                new String[] {"{\"url\":\"http://news.example/\",\"depth\":-1}", "depth must be 0..5"},
                new String[] {"[1,2]", "send {"},
                new String[] {"not json", "not JSON"})) {
            HttpResponse<String> r = postJson(open, "/api/watches", bad[0]);
            assertEquals(400, r.statusCode(), bad[0] + ": " + r.body());
            assertTrue(r.body().contains(bad[1]), bad[0] + ": " + r.body());
        }
        HttpResponse<String> form = postForm(open, "/api/watches", "url=http%3A%2F%2Fnews.example%2F&every=10s");
        assertEquals(400, form.statusCode());
        assertTrue(form.body().contains("at least 1m"), form.body());
        assertEquals(400, postJson(open, "/api/watches/remove", "{}").statusCode());
        assertEquals(0, listing(open).get("watches").size());
    }

    @Test
    void privateTargetsAreRefusedUnlessAllowed() throws Exception {
        for (String target : List.of("http://127.0.0.1:" + site.getAddress().getPort() + "/", "http://localhost/",
                "http://10.1.2.3/", "http://192.168.0.1/", "http://169.254.169.254/latest/meta-data/",
                "http://[::1]/", "http://[fe80::1]/", "http://0.0.0.0/")) {
            HttpResponse<String> r = postJson(guarded, "/api/watches", "{\"url\":\"" + target + "\"}");
            assertEquals(400, r.statusCode(), target + ": " + r.body());
            assertTrue(r.body().contains("refused") && r.body().contains("--allow-private"), r.body());
        }
        assertEquals(0, listing(guarded).get("watches").size());
        assertEquals(201, postJson(open, "/api/watches", "{\"url\":\"http://10.1.2.3/\"}").statusCode());
    }

    @Test
    void crossOriginWritesAreRefused() throws Exception {
        for (String origin : List.of("http://evil.example", "null")) {
            assertEquals(403, postJson(open, "/api/watches", "{\"url\":\"http://news.example/\"}", "Origin", origin).statusCode());
            assertEquals(403, postJson(open, "/api/watches/remove", "{\"url\":\"http://news.example/\"}", "Origin", origin).statusCode());
        }
        assertEquals(0, listing(open).get("watches").size());
        assertEquals(201, postJson(open, "/api/watches", "{\"url\":\"http://news.example/\"}", "Origin", base(open)).statusCode());
    }

    @Test
    void tokenServersAskForTheTokenInTheForms() throws Exception {
        ServeOptions withToken = new ServeOptions("127.0.0.1", 0, true, "s3cret");
        try (ReplayServer server = server(withToken, false)) {
            String html = get(server, "/watches").body();
            assertTrue(html.contains("name=\"token\"") && !html.contains("s3cret"), html);
            assertEquals(401, postJson(server, "/api/watches", "{\"url\":\"http://news.example/\"}").statusCode());
            assertEquals(201, postJson(server, "/api/watches", "{\"url\":\"http://news.example/\"}",
                    WriteGuard.TOKEN_HEADER, "s3cret").statusCode());
        }
    }

    @Test
    void aWatchAddedThroughTheApiIsRunByStoredWatches() throws Exception {
        String url = "http://127.0.0.1:" + site.getAddress().getPort() + "/news/story.html";
        assertEquals(201, postJson(open, "/api/watches", "{\"url\":\"" + url + "\",\"every\":\"1h\",\"depth\":0}").statusCode());

        StoredWatches watches = new StoredWatches(archive, b -> b.allowTarget(TargetPolicy.any()).delayMillis(0));
        List<RecaptureResult> results = watches.runDue(Instant.now());
        assertEquals(1, results.size());
        RecaptureResult result = results.get(0);
        assertFalse(result.failed(), result.line());
        assertEquals(url, result.url());
        assertTrue(watches.runDue(Instant.now()).isEmpty(), "not due again before an hour");

        JsonNode w = listing(open).get("watches").get(0);
        assertEquals(result.timestamp(), w.get("lastSuccess").asText());
        assertNull(w.get("lastError").textValue());
        assertEquals(0, w.get("failures").asInt());
        assertNotNull(w.get("nextRun").textValue());
        assertTrue(w.get("nextRun").asText().compareTo(result.timestamp()) > 0, w.toString());

        String page = get(open, "/watches").body();
        assertTrue(page.contains(CaptureTime.display(result.timestamp())), page);
        // The capture is on the URL's timeline, which offers to watch it.
        String timeline = get(open, "/timeline?url=" + ArchiveUrls.encode(url)).body();
        assertTrue(timeline.contains("id=\"watch-page\"") && timeline.contains("Watch this page"), timeline);
        assertTrue(timeline.contains("name=\"url\" value=\"" + url + "\""), timeline);
    }
}
