package org.warctrail.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.index.SiteRecords;
import org.warctrail.testing.NodeScripts;

/**
 * Opens an exported WACZ in ReplayWeb.page, as an archivist would hand it on: the {@code <replay-web-page>}
 * element on a page served from localhost (service workers need a secure context), in headless Chromium, and
 * waits for the archived article, its stylesheet and its image inside the replay frames.
 */
class WaczReplayBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path RWP = NodeScripts.MODULES.resolve("replaywebpage");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    /**
     * Looks through the document, every shadow root and every same-origin iframe below it (ReplayWeb.page nests
     * its app and the archived page in several) for the archived page's text; returns what it found of the page:
     * its text, whether its image loaded and the font its stylesheet set.
     */
    private static final String FIND_ARCHIVED_PAGE = """
            const wanted = arguments[0];
            function search(root, depth) {
              if (!root || depth > 12) return null;
              const doc = root.nodeType === 9 ? root : null;
              if (doc && doc.body && doc.body.innerText && doc.body.innerText.includes(wanted)) {
                const img = doc.querySelector('img');
                const h1 = doc.querySelector('h1');
                return {
                  text: doc.body.innerText,
                  url: String(doc.location),
                  imageWidth: img && img.complete ? img.naturalWidth : -1,
                  bodyFont: doc.defaultView.getComputedStyle(doc.body).fontFamily,
                  headingBackground: h1 ? doc.defaultView.getComputedStyle(h1).backgroundImage : ''
                };
              }
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) {
                  const found = search(el.shadowRoot, depth + 1);
                  if (found) return found;
                }
                if (el.tagName === 'IFRAME') {
                  let inner = null;
                  try { inner = el.contentDocument; } catch (e) { inner = null; }
                  const found = search(inner, depth + 1);
                  if (found) return found;
                }
              }
              return null;
            }
            return search(document, 0);
            """;

    /** For a failure message: the frames and shadow roots below the page, each with its URL and first text. */
    private static final String DESCRIBE_FRAMES = """
            const out = [];
            function describe(root, depth) {
              if (!root || depth > 12) return;
              const pad = '  '.repeat(depth);
              if (root.nodeType === 9) {
                const text = root.body ? root.body.innerText.replace(/\\s+/g, ' ').slice(0, 160) : '';
                out.push(pad + 'document ' + root.location + ' | ' + text);
              }
              for (const el of root.querySelectorAll('*')) {
                if (el.shadowRoot) { out.push(pad + '<' + el.tagName.toLowerCase() + '> shadow'); describe(el.shadowRoot, depth + 1); }
                if (el.tagName === 'IFRAME') {
                  let inner = null;
                  try { inner = el.contentDocument; } catch (e) { out.push(pad + 'iframe ' + el.src + ' (cross-origin)'); }
                  if (inner) describe(inner, depth + 1); else out.push(pad + 'iframe ' + el.src + ' (no document)');
                }
              }
            }
            describe(document, 0);
            return out.join('\\n');
            """;

    @TempDir
    Path dir;
    private final List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void replayWebPageShowsTheExportedPageWithItsStylesheetAndImage() throws Exception {
        assumeFalse(Boolean.getBoolean("skipBrowserTests"), "browser tests skipped (-DskipBrowserTests=true)");
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " (apt-get install chromium)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), "no " + CHROMEDRIVER + " (apt-get install chromium-driver)");
        assumeTrue(Files.isRegularFile(RWP.resolve("sw.js")) && Files.isRegularFile(RWP.resolve("ui.js")),
                "ReplayWeb.page is not installed: run src/test/js/install.sh");

        Path wacz = dir.resolve("archive.wacz");
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { })) {
            try (ArchiveRecordSink sink = archive.recordSink(1 << 20, Map.of())) {
                for (List<WarcRecord> batch : SiteRecords.site()) sink.writeAll(batch);
            }
            new WaczExporter(archive.store(), archive.index())
                    .requisites(WaczExporterTest.linkFinder(archive.store()))
                    .export(wacz, List.of(SiteRecords.PAGE), false);
        }

        HttpServer server = serve(wacz);
        Path profile = Files.createDirectories(dir.resolve("chromium-profile"));
        ChromeOptions options = new ChromeOptions();
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1280,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            driver.get(base + "/");
            Map<String, Object> page;
            try {
                page = waitForArchivedPage(driver);
            } catch (org.openqa.selenium.TimeoutException e) {
                Files.createDirectories(SCREENSHOTS);
                Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve("wacz-replaywebpage-failed.png"), StandardCopyOption.REPLACE_EXISTING);
                throw new AssertionError("ReplayWeb.page did not show the archived page in time.\nFrames:\n"
                        + driver.executeScript(DESCRIBE_FRAMES) + "\nRequests served:\n" + String.join("\n", requests)
                        + "\nBrowser log:\n" + browserLog(driver), e);
            }
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve("wacz-replaywebpage.png"), StandardCopyOption.REPLACE_EXISTING);

            String text = (String) page.get("text");
            assertTrue(text.contains(SiteRecords.PAGE_TITLE), text);
            assertTrue(text.contains(SiteRecords.PAGE_TEXT), text);
            assertTrue(String.valueOf(page.get("url")).contains(SiteRecords.PAGE), "replayed from the archive: " + page.get("url"));
            assertEquals(8, ((Number) page.get("imageWidth")).intValue(), "the archived 8x8 image was replayed");
            assertTrue(String.valueOf(page.get("bodyFont")).contains("serif"), "stylesheet applied: " + page.get("bodyFont"));
            assertTrue(String.valueOf(page.get("headingBackground")).contains("bg.png"),
                    "the stylesheet's own image: " + page.get("headingBackground"));
        } finally {
            driver.quit();
            server.stop(0);
        }
    }

    /** Waits for the archived page inside the replay frames, with its image decoded (requisites replayed too). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> waitForArchivedPage(ChromeDriver driver) {
        return new WebDriverWait(driver, Duration.ofSeconds(60), Duration.ofMillis(500))
                .until(d -> {
                    Object found = ((JavascriptExecutor) d).executeScript(FIND_ARCHIVED_PAGE, "At least 70 people");
                    if (!(found instanceof Map<?, ?> m)) return null;
                    Object width = m.get("imageWidth");
                    return width instanceof Number n && n.intValue() > 0 ? (Map<String, Object>) m : null;
                });
    }

    private static String browserLog(ChromeDriver driver) {
        try {
            StringBuilder out = new StringBuilder();
            for (var entry : driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER)) {
                out.append(entry.getLevel()).append(' ').append(entry.getMessage()).append('\n');
            }
            return out.toString();
        } catch (RuntimeException e) {
            return "(unavailable: " + e.getMessage() + ")";
        }
    }

    /** The embedding page, ReplayWeb.page's scripts (the service worker under /replay/, its scope) and the WACZ. */
    private HttpServer serve(Path wacz) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String html = """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>warctrail WACZ in ReplayWeb.page</title>
                <script src="/ui.js"></script>
                <style>html, body { margin: 0; height: 100%%; } replay-web-page { display: block; height: 100vh; }</style>
                </head><body>
                <replay-web-page source="/archive.wacz" url="%s" replayBase="/replay/" embed="replayonly"></replay-web-page>
                </body></html>
                """.formatted(SiteRecords.PAGE);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + String.valueOf(exchange.getRequestHeaders().getFirst("Range")));
            switch (path) {
                case "/", "/index.html" -> send(exchange, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
                case "/ui.js", "/replay/ui.js" -> send(exchange, "application/javascript", Files.readAllBytes(RWP.resolve("ui.js")));
                case "/replay/sw.js" -> send(exchange, "application/javascript", Files.readAllBytes(RWP.resolve("sw.js")));
                case "/archive.wacz" -> sendRange(exchange, wacz);
                // ReplayWeb.page loads its frame once the worker is registered, not once it is active; a first
                // load that reaches the server (the worker not yet controlling /replay/) waits for it and reloads.
                case "/replay/", "/replay/index.html" -> send(exchange, "text/html; charset=utf-8", UNCONTROLLED_REPLAY);
                default -> {
                    exchange.sendResponseHeaders(404, -1);
                    exchange.close();
                }
            }
        });
        server.start();
        return server;
    }

    private static final byte[] UNCONTROLLED_REPLAY = """
            <!doctype html><meta charset="utf-8"><title>starting replay</title>
            <script>navigator.serviceWorker.ready.then(() => setTimeout(() => location.reload(), 100));</script>
            """.getBytes(StandardCharsets.UTF_8);

    private static void send(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    /** The WACZ with HTTP range support: ReplayWeb.page reads a remote WACZ by ranges, entry by entry. */
    private static void sendRange(HttpExchange exchange, Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/wacz");
        headers.set("Accept-Ranges", "bytes");
        String range = exchange.getRequestHeaders().getFirst("Range");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        int start = 0;
        int end = all.length - 1;
        int status = 200;
        Matcher m = range == null ? null : RANGE.matcher(range.strip());
        if (m != null && m.matches()) {
            if (m.group(1).isEmpty()) {
                start = Math.max(0, all.length - Integer.parseInt(m.group(2)));
            } else {
                start = Integer.parseInt(m.group(1));
                if (!m.group(2).isEmpty()) end = Math.min(end, Integer.parseInt(m.group(2)));
            }
            status = 206;
            headers.set("Content-Range", "bytes " + start + "-" + end + "/" + all.length);
        }
        int length = end - start + 1;
        headers.set("Content-Length", Integer.toString(length));
        exchange.sendResponseHeaders(status, head ? -1 : length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(all, start, length);
            }
        }
        exchange.close();
    }
}
