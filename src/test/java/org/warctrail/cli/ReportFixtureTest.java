package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.testing.NodeScripts;
import org.warctrail.web.ArchiveUi;
import org.warctrail.web.CaptureJobs;
import org.warctrail.web.ReplayServer;
import org.warctrail.web.ServeOptions;

/**
 * The provenance report on the issue's case: the blog repost captured while the article said 62 soldiers, the
 * article corrected to 64 and captured again. The report, written by {@code report} and served by the UI, shows
 * the figure the repost kept against the corrected one; it is one valid HTML file that loads nothing; every Robust
 * Link in it resolves in a running {@code serve}, and every WARC record it cites is where it says, with its digests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportFixtureTest {
    private static final Path VNU = NodeScripts.MODULES.resolve("vnu-jar/build/dist/vnu.jar");

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path dir;
    private Path store;
    private Archive archive;
    private CaptureJobs jobs;
    private ReplayServer server;
    private String base;
    /** The report {@code report --out} wrote on the repost. */
    private Path file;
    private Document report;

    @BeforeAll
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void captureBeforeAndAfterTheCorrectionThenServeAndReport() throws Exception {
        store = dir.resolve("store");
        try (FixtureWeb web = FixtureWeb.start()) {
            CommandRun first = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(), "--delay",
                    "0", "--depth", "2", FixtureWeb.BLOG_POST.toString());
            assertEquals(0, first.exit(), first.err());
            web.advance();
            web.advance(); // version 2: the article's death toll corrected from 62 to 64
            CommandRun again = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(), "--delay",
                    "0", "--depth", "0", FixtureWeb.NEWS_ARTICLE.toString());
            assertEquals(0, again.exit(), again.err());
        }
        archive = Archives.openForReading(store, m -> { });
        ServeOptions options = new ServeOptions("127.0.0.1", 0, true, null);
        jobs = new CaptureJobs(archive, b -> b.delayMillis(0), true);
        server = new ReplayServer(archive.store(), archive.index(), options);
        new ArchiveUi(archive, jobs, server.pages(), options).install(server).start();
        base = "http://127.0.0.1:" + server.port() + "/";

        file = dir.resolve("out/repost-report.html");
        CommandRun run = CommandRun.of("report", "--store", store.toString(), "--base-url", base, "--out",
                file.toString(), FixtureWeb.BLOG_POST.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().startsWith(file + ": " + FixtureWeb.BLOG_POST), run.out());
        report = Jsoup.parse(Files.readString(file), base);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) server.close();
        if (jobs != null) jobs.close();
        if (archive != null) archive.close();
    }

    @Test
    void theReportOnTheRepostShowsTheFigureItKeptAgainstTheCorrectedOne() {
        String article = FixtureWeb.NEWS_ARTICLE.toString();
        List<String> articleCaptures = archive.index().captures(article).stream().map(r -> r.timestamp()).toList();
        assertEquals(2, articleCaptures.size(), articleCaptures.toString());
        String corrected = articleCaptures.get(1);
        String when = corrected.substring(0, 4) + "-" + corrected.substring(4, 6) + "-" + corrected.substring(6, 8) + " "
                + corrected.substring(8, 10) + ":" + corrected.substring(10, 12) + ":" + corrected.substring(12) + " UTC";

        List<Element> listed = report.select("#discrepancies .discrepancy");
        assertEquals(1, listed.size(), report.select("#discrepancies").outerHtml());
        Element d = listed.get(0);
        assertEquals("62 Syrian", d.selectFirst("mark.here").text());
        assertEquals("64 Syrian", d.selectFirst("mark.there").text());
        assertEquals("This page says “62 Syrian”; the source at news.example since says “64 Syrian”, corrected on "
                + when + ".", d.selectFirst("p.sentence").text());
        // reuse and continuation (through the short link) carry the same difference: said once, both named
        String linkedBy = d.selectFirst("p.meta").text();
        assertTrue(linkedBy.contains("reuse") && linkedBy.contains("continuation"), d.outerHtml());
        Element cited = d.selectFirst("p.meta a[data-versionurl]");
        assertEquals(base + "web/" + corrected + "/" + article, cited.attr("data-versionurl"));

        // the chain reaches the article; the reused passages are side by side; the article's versions say what changed
        assertFalse(report.select("#chain a[href=" + article + "]").isEmpty(), report.select("#chain").outerHtml());
        Element passage = report.selectFirst("#passages table.side tbody tr");
        assertNotNull(passage, report.select("#passages").outerHtml());
        assertEquals(2, passage.select("blockquote").size());
        Element correction = null;
        for (Element row : report.select("#versions table.versions tr")) {
            if (row.selectFirst("a[data-versionurl$=" + corrected + "/" + article + "]") != null) correction = row;
        }
        assertNotNull(correction, report.select("#versions").outerHtml());
        assertTrue(correction.selectFirst(".tag.substantive") != null, correction.outerHtml());
        assertTrue(correction.text().contains("number: 62 → 64"), correction.text());
        // a quotation of the repost, traced to its origin among the captures
        Element quote = report.selectFirst("#quotes .quote");
        assertNotNull(quote, report.select("#quotes").outerHtml());
        assertNotNull(quote.selectFirst("ol.matches .tag.origin"), quote.outerHtml());
    }

    @Test
    void theReportIsOneFileThatLoadsNothingAndPrintsASectionAPage() {
        for (Element e : report.getAllElements()) {
            assertFalse(e.hasAttr("src") || e.hasAttr("srcset") || e.hasAttr("poster") || e.hasAttr("data")
                    || e.hasAttr("action"), "loads something: " + e.outerHtml());
            if (e.hasAttr("href")) {
                assertEquals("a", e.tagName(), "only links out may have an href: " + e.outerHtml());
                String href = e.attr("href");
                assertTrue(href.startsWith("#") || href.startsWith("http://") || href.startsWith("https://"), href);
            }
        }
        assertTrue(report.select("script, link, img, iframe, object, embed, video, audio, source, base, form").isEmpty());
        List<Element> styles = report.select("style");
        assertEquals(1, styles.size());
        String css = styles.get(0).data();
        assertFalse(css.contains("url(") || css.contains("@import"), "the style loads something");
        // printed: each section from a new page, links followed by their URLs (live and archived)
        String print = css.substring(css.indexOf("@media print"));
        assertTrue(print.matches("(?s).*section \\{ break-before: page; }.*"), print);
        assertTrue(print.contains("a[href^=\"http\"]::after { content: \" <\" attr(href) \">\""), print);
        assertTrue(print.contains("attr(data-versionurl)"), print);
        assertEquals(List.of("summary", "discrepancies", "chain", "passages", "quotes", "versions", "copies"),
                report.select("main > section").eachAttr("id"));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theReportPassesTheNuHtmlChecker() throws Exception {
        NodeScripts.assumeInstalled("vnu-jar");
        Path out = dir.resolve("vnu.out");
        Process vnu = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                VNU.toString(), "--errors-only", file.toString()).redirectErrorStream(true).redirectOutput(out.toFile())
                .start();
        assertTrue(vnu.waitFor(100, TimeUnit.SECONDS), "vnu did not finish in 100 s");
        String said = Files.readString(out);
        assertEquals(0, vnu.exitValue(), said);
        assertEquals("", said.strip());
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyRobustLinkResolvesInServeAndEveryCitedRecordIsWhereItSays() throws Exception {
        List<Element> links = report.select("a[data-versionurl]");
        assertTrue(links.size() > 10, links.size() + " links");
        Set<String> versions = new LinkedHashSet<>();
        for (Element a : links) {
            String version = a.attr("data-versionurl");
            assertTrue(version.startsWith(base + "web/"), version);
            String ts = version.substring((base + "web/").length(), (base + "web/").length() + 14);
            assertEquals(a.attr("href"), version.substring((base + "web/").length() + 15), a.outerHtml());
            assertEquals(ts.substring(0, 4) + "-" + ts.substring(4, 6) + "-" + ts.substring(6, 8),
                    a.attr("data-versiondate"));
            versions.add(version);
        }
        for (String version : versions) {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(version)).build(),
                    HttpResponse.BodyHandlers.discarding());
            boolean nearest = r.statusCode() / 100 == 3
                    && r.headers().firstValue("Location").orElse("").contains("/web/");
            assertTrue(r.statusCode() == 200 || nearest, version + " answered " + r.statusCode());
        }
        List<Element> copies = report.select("#copies ol.copies > li");
        // two captures in one second (the fixture's recapture may be) share their archived URL, not their record
        assertEquals(versions, new LinkedHashSet<>(copies.stream()
                .map(c -> c.selectFirst("a[data-versionurl]").attr("data-versionurl")).toList()));
        assertEquals(copies.size(), new LinkedHashSet<>(copies.stream().map(c -> c.select("dl.record dd").get(5).text())
                .toList()).size(), "a record cited twice");
        for (Element copy : copies) {
            List<String> values = new ArrayList<>(copy.select("dl.record dd").eachText());
            // Live URL, Archived copy, Captured, WARC file, "offset, length bytes", Record, payload, block
            Path warc = store.resolve("warcs").resolve(values.get(3));
            long offset = Long.parseLong(values.get(4).substring(0, values.get(4).indexOf(',')));
            FileChannel channel = FileChannel.open(warc);
            channel.position(offset);
            try (WarcReader reader = new WarcReader(channel)) {
                WarcRecord record = reader.next().orElseThrow();
                assertTrue(values.get(5).contains(record.id().toString()), values + " vs " + record.id());
                assertEquals(record.headers().first("WARC-Payload-Digest").orElse("none"), values.get(6));
                assertEquals(record.headers().first("WARC-Block-Digest").orElseThrow(), values.get(7));
                assertEquals(values.get(0), record.headers().first("WARC-Target-URI").orElseThrow());
            }
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void theProvenancePageLinksTheSameReportServedAsADownload() throws Exception {
        String blog = FixtureWeb.BLOG_POST.toString();
        Document page = Jsoup.parse(get("provenance?url=" + URLEncoder.encode(blog, StandardCharsets.UTF_8)).body(),
                base);
        Element button = page.selectFirst("a.report");
        assertNotNull(button, "no Report link on the provenance page");
        HttpResponse<String> download = get(button.attr("href").substring(1));
        assertEquals(200, download.statusCode(), download.body());
        String disposition = download.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.matches("attachment; filename=\"warctrail-report-blog\\.example-\\d{14}\\.html\""),
                disposition);
        Document served = Jsoup.parse(download.body(), base);
        assertEquals(report.select("#discrepancies p.sentence").text(), served.select("#discrepancies p.sentence").text());
        assertEquals(report.select("a[data-versionurl]").eachAttr("data-versionurl"),
                served.select("a[data-versionurl]").eachAttr("data-versionurl"));
        // its policy allows its own style by hash and nothing else
        String csp = download.headers().firstValue("Content-Security-Policy").orElse("");
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(served.selectFirst("style").data().getBytes(StandardCharsets.UTF_8)));
        assertTrue(csp.startsWith("default-src 'none'; style-src 'sha256-" + hash + "';"), csp);

        String quote = report.selectFirst("#quotes .quote h3").ownText().replaceAll("^“|”$", "");
        Document trace = Jsoup.parse(get("trace?q=" + URLEncoder.encode(quote, StandardCharsets.UTF_8)).body(), base);
        Element traceButton = trace.selectFirst("#origin a.report");
        assertNotNull(traceButton, trace.select("#origin").outerHtml());
        assertEquals(200, get(traceButton.attr("href").substring(1)).statusCode());
    }

    @Test
    void atAnEarlierTimeTheReportIsOnTheCaptureNearestIt() throws Exception {
        String article = FixtureWeb.NEWS_ARTICLE.toString();
        String first = archive.index().captures(article).get(0).timestamp();
        Path older = dir.resolve("article-before-the-correction.html");
        CommandRun run = CommandRun.of("report", "--store", store.toString(), "--base-url", base, "--at", first,
                "--out", older.toString(), article);
        assertEquals(0, run.exit(), run.err());
        Document doc = Jsoup.parse(Files.readString(older), base);
        assertEquals(base + "web/" + first + "/" + article,
                doc.selectFirst("header a[data-versionurl]").attr("data-versionurl"));
        // the headline it had then, not the corrected one
        assertEquals("Provenance of “Russia contacted US twice to stop coalition strike on Syrian army – Pentagon”",
                doc.selectFirst("h1").text());
    }

    @Test
    void badInputIsOneLineAndWritesNothing() {
        Path none = dir.resolve("none.html");
        for (List<String> args : List.of(List.of("http://nowhere.example/"),
                List.of("--at", "2016-09", FixtureWeb.BLOG_POST.toString()),
                List.of("--base-url", "ftp://archive.example/", FixtureWeb.BLOG_POST.toString()))) {
            List<String> line = new ArrayList<>(List.of("report", "--store", store.toString(), "--out", none.toString()));
            line.addAll(args);
            CommandRun run = CommandRun.of(line.toArray(String[]::new));
            assertTrue(run.exit() != 0, args.toString());
            assertTrue(run.err().startsWith("warctrail: ") && run.err().strip().lines().count() == 1, run.err());
            assertFalse(Files.exists(none), args.toString());
        }
        assertTrue(CommandRun.of("report", "--store", store.toString(), "--out", none.toString(),
                "http://nowhere.example/").err().contains("not in the archive: http://nowhere.example/"));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
