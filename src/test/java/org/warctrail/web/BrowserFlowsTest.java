package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.warctrail.fixture.FixtureWeb;

/**
 * What a person sees, in headless Chromium, on a store the real crawler built from the fixture web: home,
 * search, snapshot, capture, watch. Each flow saves target/screenshots/{flow}.png; page times go to
 * target/render-times.txt.
 */
class BrowserFlowsTest {
    static FixtureArchive fixture;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeAvailable();
        fixture = new FixtureArchive();
        browser = Browser.start();
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) browser.close();
        if (fixture != null) fixture.close();
    }

    @Test
    void homeShowsTheBoxesStatsAndRecentCaptures() throws Exception {
        var d = browser.driver;
        d.get(fixture.base() + "/");
        assertEquals(3, d.findElements(By.cssSelector("section.boxes form.box")).size());
        assertTrue(d.findElement(By.cssSelector("form[action='/trace'] textarea[name=q]")).isDisplayed());
        String stats = d.findElement(By.cssSelector("section.stats")).getText();
        assertTrue(stats.matches("(?s).*\\b[1-9]\\d* URLs.*"), stats);
        String listing = d.findElement(By.cssSelector("table.urls")).getText();
        assertTrue(listing.contains("blog.example") || listing.contains("Russia"), listing);
        browser.screenshot("home");
    }

    @Test
    void searchFromHomeFindsTheArticleWithASnippetAndOpensTheSnapshot() throws Exception {
        var d = browser.driver;
        d.get(fixture.base() + "/");
        WebElement q = d.findElement(By.cssSelector("form[action='/search'] input[name=q]"));
        q.sendKeys("Pentagon");
        q.submit();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("result-count")));
        List<WebElement> results = d.findElements(By.cssSelector("li.result"));
        assertFalse(results.isEmpty(), d.getPageSource());
        WebElement highlighted = d.findElement(By.cssSelector("li.result .snippet b"));
        assertTrue(highlighted.getText().toLowerCase().contains("pentagon"), highlighted.getText());
        browser.screenshot("search");

        results.get(0).findElement(By.cssSelector("a.title")).click();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("replay")));
        assertTrue(d.findElement(By.cssSelector(".banner .when")).getText().startsWith("Captured"));
        d.switchTo().frame(d.findElement(By.id("replay")));
        browser.waiting(10).until(x -> !x.findElements(By.tagName("p")).isEmpty());
        String text = d.findElement(By.tagName("body")).getText();
        d.switchTo().defaultContent();
        assertTrue(text.toLowerCase().contains("pentagon"), text);
        browser.screenshot("snapshot");
    }

    @Test
    void searchFiltersBySiteAndPaginates() throws Exception {
        var d = browser.driver;
        d.get(fixture.base() + "/search?q=Russia&site=nowhere.example");
        assertEquals("0 matching URLs", d.findElement(By.id("result-count")).getText());
        d.get(fixture.base() + "/search?q=Russia&site=blog.example");
        for (WebElement url : d.findElements(By.cssSelector("li.result .url"))) {
            assertTrue(url.getText().contains("blog.example"), url.getText());
        }
    }

    @Test
    void captureFromTheUiShowsLiveProgressAndLinksTheResult() throws Exception {
        var d = browser.driver;
        d.get(fixture.base() + "/");
        d.findElement(By.cssSelector("form[action='/capture'] input[name=url]")).sendKeys(FixtureWeb.CP1251_PAGE.toString());
        d.findElement(By.cssSelector("form[action='/capture'] button")).click();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("capture-form")));
        WebElement depth = d.findElement(By.cssSelector("#capture-form input[name=depth]"));
        depth.clear();
        depth.sendKeys("0");
        d.findElement(By.cssSelector("#capture-form button")).click();
        browser.waiting(30).until(ExpectedConditions.attributeContains(By.id("capture-state"), "class", "done"));
        String log = d.findElement(By.id("capture-log")).getText();
        assertTrue(log.contains("200 " + FixtureWeb.CP1251_PAGE), log);
        assertTrue(d.getCurrentUrl().contains("/capture?job="), d.getCurrentUrl());
        browser.screenshot("capture");
        d.findElement(By.linkText("See the capture")).click();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("replay")));
        assertTrue(d.findElement(By.cssSelector(".banner .original")).getText().contains("intl.example/ru/novosti.html"));
    }

    @Test
    void diffFromTheSnapshotHighlightsTheChangedNumber() throws Exception {
        var d = browser.driver;
        d.get(fixture.base() + "/timeline?url=" + ArchiveUrls.encode(FixtureWeb.BLOG_POST.toString()));
        List<WebElement> versions = d.findElements(By.cssSelector("table.captures tbody tr td:first-child a"));
        assertEquals(2, versions.size());
        // The timeline marks the second capture as a substantive change, with its summary and a diff link.
        WebElement marker = d.findElement(By.cssSelector("table.captures tbody tr:nth-child(2) .marker"));
        assertEquals("substantive", marker.getText());
        assertTrue(d.findElement(By.cssSelector("table.captures tbody tr:nth-child(2) .change-summary")).getText().contains("number"));
        browser.screenshot("timeline");
        versions.get(1).click();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("replay")));
        d.findElement(By.partialLinkText("Diff with previous")).click();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("diff-summary")));
        String summary = d.findElement(By.id("diff-summary")).getText();
        assertTrue(summary.contains("number"), summary);
        WebElement number = d.findElement(By.cssSelector("li.number-change"));
        String from = number.findElement(By.cssSelector("mark.num-from")).getText();
        String to = number.findElement(By.cssSelector("mark.num-to")).getText();
        assertEquals(List.of("62", "70"), List.of(from, to).stream().sorted().toList(), from + " -> " + to);
        // Side by side by default: the changed number is marked in the text itself.
        assertTrue(d.findElement(By.id("side")).isDisplayed());
        List<WebElement> marked = d.findElements(By.cssSelector("#side .num"));
        assertTrue(marked.stream().anyMatch(e -> e.getText().contains("62") || e.getText().contains("70")),
                marked.stream().map(WebElement::getText).toList().toString());
        browser.screenshot("diff");
        d.findElement(By.linkText("Changes only (" + d.findElements(By.cssSelector("#changes p.row")).size() + ")")).click();
        assertTrue(d.findElement(By.id("changes")).isDisplayed());
        assertFalse(d.findElement(By.id("side")).isDisplayed());
        browser.screenshot("diff-changes-only");
    }

    @Test
    void watchFromTheTimelineListsTheWatch() throws Exception {
        var d = browser.driver;
        String post = FixtureWeb.BLOG_POST.toString();
        d.get(fixture.base() + "/timeline?url=" + ArchiveUrls.encode(post));
        WebElement every = d.findElement(By.cssSelector("#watch-page input[name=every]"));
        every.clear();
        every.sendKeys("6h");
        d.findElement(By.cssSelector("#watch-page button")).click();
        // A plain form POST: the browser's Origin header must be the UI's own (not "null") for the WriteGuard to let it by.
        browser.waiting(10).until(x -> !x.findElements(By.id("watch-count")).isEmpty() || !x.getCurrentUrl().endsWith("/timeline?url=" + ArchiveUrls.encode(post)));
        assertTrue(d.getCurrentUrl().endsWith("/watches"), d.getCurrentUrl() + ": " + d.findElement(By.tagName("body")).getText());
        WebElement row = d.findElements(By.cssSelector("table.watches tbody tr")).stream()
                .filter(r -> r.findElement(By.cssSelector("a.url")).getText().equals(post)).findFirst()
                .orElseThrow(() -> new AssertionError(d.findElement(By.tagName("main")).getText()));
        assertEquals("6h", row.findElement(By.cssSelector("td:nth-child(2)")).getText());
        assertEquals("due now", row.findElement(By.cssSelector("td:nth-child(7)")).getText());
        assertTrue(d.findElement(By.id("watch-state")).getText().contains("serve --watch"));
        browser.screenshot("watches");
    }

    @Test
    void provenanceFromTheSnapshotDrawsTheChain() throws Exception {
        var d = browser.driver;
        d.get(fixture.base() + "/web/" + fixture.firstCapture + "/" + FixtureWeb.BLOG_POST);
        d.findElement(By.linkText("Provenance")).click();
        browser.waiting(10).until(ExpectedConditions.presenceOfElementLocated(By.id("chain-graph")));
        List<WebElement> nodes = d.findElements(By.cssSelector("#chain-graph g.node"));
        List<WebElement> edges = d.findElements(By.cssSelector("#chain-graph g.edge"));
        List<String> nodeUrls = nodes.stream().map(n -> n.getDomAttribute("data-url")).toList();
        assertTrue(nodeUrls.contains(FixtureWeb.BLOG_POST.toString()), nodeUrls.toString());
        assertTrue(nodeUrls.contains(FixtureWeb.NEWS_ARTICLE.toString()), nodeUrls.toString());
        WebElement root = d.findElement(By.cssSelector("#chain-graph g.node.root"));
        assertEquals(FixtureWeb.BLOG_POST.toString(), root.getDomAttribute("data-url"));
        assertTrue(root.getText().contains("REVEALED") || root.getText().contains("Russia"), root.getText());
        List<String> kinds = edges.stream().map(e -> e.findElement(By.tagName("text")).getText()).toList();
        assertTrue(kinds.contains("continuation"), kinds.toString());
        WebElement continuation = edges.stream().filter(e -> e.getDomAttribute("class").contains("kind-continuation"))
                .findFirst().orElseThrow();
        String hover = continuation.findElement(By.tagName("title")).getDomProperty("textContent");
        assertTrue(hover.contains("Continue"), hover);
        browser.screenshot("provenance");
    }

    @Test
    void quoteTraceFromHomeNamesTheOrigin() throws Exception {
        var d = browser.driver;
        d.get(fixture.base() + "/");
        WebElement q = d.findElement(By.cssSelector("form[action='/trace'] textarea[name=q]"));
        q.sendKeys("“the call to knock it off was put in place and the attacks ceased,”");
        d.findElement(By.cssSelector("form[action='/trace'] button")).click();
        browser.waiting(15).until(ExpectedConditions.presenceOfElementLocated(By.id("match-count")));
        List<WebElement> matches = d.findElements(By.cssSelector("ol.matches li.match"));
        assertTrue(matches.size() >= 3, d.findElement(By.tagName("main")).getText());
        String origin = d.findElement(By.id("origin")).getText();
        assertTrue(origin.contains("briefings.example"), origin);
        assertEquals(1, d.findElements(By.cssSelector("#trace-timeline g.match.origin")).size());
        assertTrue(d.findElement(By.cssSelector("ol.matches li.match.origin .origin-tag")).isDisplayed());
        List<WebElement> paths = d.findElements(By.cssSelector("ul.paths li"));
        assertFalse(paths.isEmpty(), "no path to the origin shown");
        assertTrue(paths.stream().anyMatch(p -> p.getText().contains("continuation")),
                paths.stream().map(WebElement::getText).toList().toString());
        browser.screenshot("trace");
    }

    @Test
    void pagesRenderQuickly() throws Exception {
        Files.deleteIfExists(RenderTimes.LOG);
        String post = FixtureWeb.BLOG_POST.toString();
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/", "/search?q=Pentagon", "/search?q=Russia&site=blog.example&page=1",
                "/timeline?url=" + ArchiveUrls.encode(post), "/web/" + fixture.firstCapture + "/" + post,
                "/web/" + fixture.firstCapture + "mp_/" + post, "/capture", "/api/search?q=Pentagon",
                "/api/captures?url=" + ArchiveUrls.encode(post), "/diff?url=" + ArchiveUrls.encode(post),
                "/api/diff?url=" + ArchiveUrls.encode(post), "/provenance?url=" + ArchiveUrls.encode(post),
                "/api/chain?url=" + ArchiveUrls.encode(post),
                "/trace?q=" + ArchiveUrls.encode("the call to knock it off was put in place and the attacks ceased"),
                "/api/trace?q=" + ArchiveUrls.encode("the call to knock it off was put in place and the attacks ceased"))) {
            all.append(RenderTimes.time(fixture.base(), path));
        }
        System.out.print(all);
    }
}
