package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.store.WarcStore;

/**
 * An archived page that attacks its reader, replayed in a real browser: it tries to read the UI's DOM,
 * cookies and stored token, to call {@code /api/*} as the user, to navigate the reader's window, and to load
 * the live web in every way a script can. Each attempt must fail, and the stand-in live web must see nothing.
 */
class HostilePageTest {
    static final String PAGE = "http://hostile.example/page";
    static final String NAVIGATING = "http://hostile.example/navigate";
    static final String LEAKING = "http://hostile.example/leaks";
    static final String TS = "20240101000000";

    @TempDir
    static Path dir;
    static LiveWebTrap trap;
    static ReplayServer server;
    static final AtomicInteger writes = new AtomicInteger();
    static final AtomicInteger secretReads = new AtomicInteger();

    @BeforeAll
    static void archiveHostilePage() throws IOException {
        Browser.assumeAvailable();
        trap = new LiveWebTrap();
        WarcStore store = WarcStore.open(dir.resolve("store"));
        List<WarcRecord> records = new ArrayList<>();
        records.add(archived(PAGE, "/web/hostile.html"));
        records.add(archived(NAVIGATING, "/web/navigate.html"));
        records.add(archived(LEAKING, "/web/leaks.html"));
        try (RotatingWarcWriter writer = store.newWriter(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            writer.writeAll(records);
        }
        server = new ReplayServer(store, new InMemoryCaptureLookup(store), ServeOptions.loopback(0))
                .routes(r -> {
                    // Stand-ins for write and read actions of the API: they count what reaches them.
                    r.post("/api/probe", ctx -> ctx.result("done " + writes.incrementAndGet()));
                    r.post("/api/captures", ctx -> ctx.result("captured " + writes.incrementAndGet()));
                    r.get("/api/secret", ctx -> {
                        secretReads.incrementAndGet();
                        ctx.result("ui-secret-body");
                    });
                })
                .start();
    }

    /** The resource as an archived response of the URL, the trap's address filled in. */
    private static WarcRecord archived(String url, String resource) throws IOException {
        String html;
        try (InputStream in = HostilePageTest.class.getResourceAsStream(resource)) {
            html = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("__TRAP__", trap.origin());
        }
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length
                + "\r\nSet-Cookie: archived=1; Path=/\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[head.length + body.length];
        System.arraycopy(head, 0, block, 0, head.length);
        System.arraycopy(body, 0, block, head.length, body.length);
        return new WarcResponse.Builder(URI.create(url)).date(CaptureTime.toInstant(TS))
                .payloadDigest(ArchiveFixture.digest(body)).body(MediaType.HTTP_RESPONSE, block).build();
    }

    @Test
    void theFrameCannotNavigateItselfToTheLiveWeb() throws Exception {
        String ui = "http://127.0.0.1:" + server.port();
        int before = trap.connections();
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            String snapshot = ui + "/web/" + TS + "/" + NAVIGATING;
            driver.get(snapshot);
            driver.switchTo().frame(driver.findElement(By.id("replay")));
            // The page sends its frame to the live web (location, and a refresh it adds): the navigation lands on
            // the archived copy of the target instead (not archived here), the refresh is disarmed.
            String archivedTarget = "/web/" + TS + "mp_/" + trap.origin() + "/self-navigation";
            browser.waiting(10).until(d -> String.valueOf(((JavascriptExecutor) d)
                    .executeScript("return location.href;")).endsWith(archivedTarget));
            Thread.sleep(500);
            driver.switchTo().defaultContent();
            browser.screenshot("hostile-navigation");
            assertEquals(snapshot, driver.getCurrentUrl());
            assertEquals(List.of(), trap.requests().stream().filter(r -> !r.contains("/control")).toList(),
                    "the frame reached the live web");
            // Chromium preconnects to a navigation's URL when the navigation starts, before the embedding page's
            // frame-src cancels it; on the replay origin the page is no longer opaque, so the Navigation API sees the
            // navigation first and replay-urls.js sends it into the archive: not even a bare connection.
            assertEquals(0, trap.connections() - before, "connections to the live web");
        }
    }

    /**
     * Resource hints, speculation rules (in the page and added by script) and WebRTC open connections without an
     * HTTP request a CSP would see: the stand-in live web counts TCP connections and UDP datagrams.
     */
    @Test
    void noHintSpeculationOrPeerConnectionReachesTheLiveWeb() throws Exception {
        String ui = "http://127.0.0.1:" + server.port();
        int before = trap.connections();
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            driver.get(ui + "/web/" + TS + "/" + LEAKING);
            driver.switchTo().frame(driver.findElement(By.id("replay")));
            browser.waiting(20).until(d -> "leaks done".equals(((JavascriptExecutor) d).executeScript("return document.title;")));
            Object results = ((JavascriptExecutor) driver).executeScript("return JSON.stringify(window.__results);");
            driver.switchTo().defaultContent();
            // connections the browser would open run at once or within a second; give them three
            Thread.sleep(3000);
            assertEquals(List.of(), trap.datagrams(), "UDP first");
            assertEquals(before, trap.connections(), "TCP connections reached the live web: " + trap.requests()
                    + "\n" + results);
            assertEquals(List.of(), trap.datagrams(), "UDP reached the live web\n" + results);
        }
    }

    /**
     * An mp_ URL opened as the top document is never left to itself: the framed snapshot replaces it, so its
     * speculation rules, hints and WebRTC stay contained, and it cannot navigate the reader's window.
     */
    @Test
    void anMpUrlOpenedTopLevelIsFramed() throws Exception {
        String ui = "http://127.0.0.1:" + server.port();
        int before = trap.connections();
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            driver.get(ui + "/web/" + TS + "mp_/" + LEAKING);
            assertEquals(ui + "/web/" + TS + "/" + LEAKING, driver.getCurrentUrl());
            driver.switchTo().frame(driver.findElement(By.id("replay")));
            browser.waiting(20).until(d -> "leaks done".equals(((JavascriptExecutor) d).executeScript("return document.title;")));
            driver.switchTo().defaultContent();
            Thread.sleep(3000);
            assertEquals(before, trap.connections(), "TCP connections reached the live web: " + trap.requests());
            assertEquals(List.of(), trap.datagrams(), "UDP reached the live web");

            // The page that navigates itself away stays framed, its navigation kept in the archive.
            driver.get(ui + "/web/" + TS + "mp_/" + NAVIGATING);
            assertEquals(ui + "/web/" + TS + "/" + NAVIGATING, driver.getCurrentUrl());
            Thread.sleep(2000);
            assertEquals(ui + "/web/" + TS + "/" + NAVIGATING, driver.getCurrentUrl(), "the top window was navigated");
            assertEquals(List.of(), trap.requests(), "the page reached the live web");
            assertEquals(0, trap.connections() - before, "connections to the live web");
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) server.close();
        if (trap != null) trap.close();
    }

    @Test
    void everyAttackOfTheArchivedPageFails() throws Exception {
        String ui = "http://127.0.0.1:" + server.port();
        try (Browser browser = Browser.start()) {
            var driver = browser.driver;
            // The reader's session: a cookie and a write token stored by the UI's origin.
            driver.get(ui + "/");
            driver.manage().addCookie(new Cookie("ui_session", "secret-cookie"));
            ((JavascriptExecutor) driver).executeScript(
                    "localStorage.setItem('warctrail.token', 'secret-token');"
                            + "sessionStorage.setItem('warctrail.token', 'secret-token');");

            String snapshot = ui + "/web/" + TS + "/" + PAGE;
            driver.get(snapshot);
            WebElement frame = driver.findElement(By.id("replay"));
            assertEquals("allow-scripts allow-forms allow-same-origin", frame.getDomAttribute("sandbox"));
            driver.switchTo().frame(frame);
            try {
                browser.waiting(20).until(d -> "attacks done".equals(
                        ((JavascriptExecutor) d).executeScript("return document.title;")));
            } catch (org.openqa.selenium.TimeoutException e) {
                throw new AssertionError("the hostile page did not finish: title " + driver.getTitle() + ", "
                        + ((JavascriptExecutor) driver).executeScript("return location.href + ' ' + JSON.stringify(window.__results)")
                        + ", trap " + trap.requests(), e);
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> results = (Map<String, Object>) ((JavascriptExecutor) driver)
                    .executeScript("return window.__results;");
            String shown = driver.findElement(By.id("results")).getText();
            driver.switchTo().defaultContent();
            browser.screenshot("hostile-page");

            String report = String.join("\n", results.entrySet().stream()
                    .map(e -> e.getKey() + " = " + e.getValue()).sorted().toList());
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "hostile-page-results.txt"), report + "\ntrap: " + trap.requests() + "\n");
            for (String attack : List.of("parent.document", "top.document.cookie", "parent.localStorage",
                    "parent.sessionStorage", "document.cookie", "localStorage", "sessionStorage",
                    "parent.frames-token", "top.location", "parent.location", "XMLHttpRequest", "fetch live web",
                    "fetch live web no-cors", "POST /api/probe as the user", "POST /api/probe form no-cors",
                    "POST /api/captures as the user", "GET /api/secret as the user", "img live web")) {
                assertTrue(results.containsKey(attack), "attack not attempted: " + attack + "\n" + report);
            }
            results.forEach((attack, outcome) ->
                    assertTrue(String.valueOf(outcome).startsWith("blocked"), attack + " succeeded: " + outcome + "\n" + report));
            assertFalse(shown.contains("secret-"), shown);

            // The reader's window stayed where it was, and nothing reached the live web or the API's actions.
            assertEquals(snapshot, driver.getCurrentUrl());
            assertEquals(1, driver.getWindowHandles().size(), "a popup opened: " + driver.getWindowHandles());
            assertEquals(List.of(), trap.requests(), "the archived page reached the live web\n" + report);
            assertEquals(0, writes.get(), "a write action of the API ran for the archived page");
            // GETs are not write actions: the browser may send them, but the page never reads the answer.
            assertTrue(String.valueOf(results.get("GET /api/secret as the user")).startsWith("blocked"));

            // The trap does record what reaches it: the reader's own navigation does.
            int connections = trap.connections();
            driver.get(trap.origin() + "/control");
            assertEquals(List.of("GET /control"), trap.requests().stream().filter(r -> r.contains("/control")).toList());
            assertTrue(trap.connections() > connections, "the trap counts connections");
        }
    }
}
