package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.TargetPolicy;
import org.warctrail.fixture.CaseReportSites;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.store.RotatingWarcWriter;

/**
 * In headless Chromium: the trace page of the patient's quote, with only the four outlets archived, names the case
 * report they all cite as the likely origin and draws when each outlet was published (2016) and captured (now) on
 * one axis cut between the two; its capture button captures the report, and the trace then has it as the origin.
 * Saves target/screenshots/trace-likely-origin.png, trace-timeline.png and trace-after-capture.png.
 */
class LikelyOriginBrowserTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void theCaptureButtonOfTheLikelyOriginMakesItTheOrigin() throws Exception {
        Browser.assumeAvailable();
        try (FixtureWeb web = FixtureWeb.start();
             Archive archive = Archives.open(dir.resolve("store"), notice -> { })) {
            CrawlConfig config = CrawlConfig.builder(CaseReportSites.OUTLETS.toArray(URI[]::new)).proxy(web.proxy())
                    .delayMillis(0).depth(0).allowTarget(TargetPolicy.any()).build();
            archive.capture(config, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, CaptureListener.NONE);
            ServeOptions options = new ServeOptions("127.0.0.1", 0, true, null);
            try (CaptureJobs jobs = new CaptureJobs(archive, b -> b.proxy(web.proxy()).delayMillis(0), options.allowPrivate());
                 ReplayServer server = new ReplayServer(archive.store(), archive.index(), options);
                 Browser browser = Browser.start()) {
                new ArchiveUi(archive, jobs, server.pages(), options).install(server).start();
                String tracePage = "http://127.0.0.1:" + server.port() + "/trace?q=" + ArchiveUrls.encode(CaseReportSites.QUOTE);
                WebDriver d = browser.driver;
                d.get(tracePage);

                WebElement likely = d.findElement(By.id("likely-origin"));
                assertEquals(CaseReportSites.CASE_REPORT.toString(), likely.findElement(By.cssSelector(".likely-url")).getText());
                assertTrue(d.findElement(By.id("likely-cited")).getText().startsWith("Cited next to the quote by 4 of 4 pages"),
                        likely.getText());
                assertEquals(4, likely.findElements(By.cssSelector("ul.citers li")).size());
                assertTrue(d.findElement(By.id("origin")).getText().contains("health-daily.example"));

                // one axis: publication in 2016 left of the cut, capture today right of it, ticks and dates as text
                assertEquals(1, d.findElements(By.cssSelector("#trace-timeline g.break")).size());
                assertEquals("10 years", d.findElement(By.cssSelector("#trace-timeline .gap-label")).getText());
                List<String> captions = d.findElements(By.cssSelector("#trace-timeline text.caption")).stream()
                        .map(WebElement::getText).toList();
                assertEquals("2016-10-05 – 2016-10-08", captions.get(0));
                assertTrue(d.findElements(By.cssSelector("#trace-timeline g.tick")).size() >= 3);
                WebElement cut = d.findElement(By.cssSelector("#trace-timeline g.break rect"));
                double cutX = Double.parseDouble(cut.getDomAttribute("x"));
                for (WebElement row : d.findElements(By.cssSelector("#trace-timeline g.match"))) {
                    double published = Double.parseDouble(row.findElement(By.cssSelector("circle.published")).getDomAttribute("cx"));
                    double captured = Double.parseDouble(row.findElement(By.cssSelector("rect.captured")).getDomAttribute("x"));
                    assertTrue(published < cutX && captured > cutX, "published " + published + ", captured " + captured);
                    assertTrue(row.findElement(By.cssSelector("text.dates")).getText().matches("published 2016-10-0\\d · captured .*"),
                            row.findElement(By.cssSelector("text.dates")).getText());
                }
                browser.screenshot("trace-likely-origin");
                ((JavascriptExecutor) d).executeScript("arguments[0].scrollIntoView()", d.findElement(By.xpath("//h2[text()='On a timeline']")));
                browser.screenshot("trace-timeline");

                d.findElement(By.cssSelector("#capture-likely button")).click();
                browser.waiting(60).until(ExpectedConditions.attributeContains(By.id("capture-state"), "class", "done"));
                assertTrue(d.findElement(By.id("capture-log")).getText().contains("200 " + CaseReportSites.CASE_REPORT),
                        d.findElement(By.id("capture-log")).getText());

                // the capture page leads back to the trace, now decided with the report in the archive
                String capturePage = d.getCurrentUrl();
                d.findElement(By.id("capture-back")).click();
                browser.waiting(30).until(ExpectedConditions.urlToBe(tracePage));
                String origin = d.findElement(By.id("origin")).getText();
                assertTrue(origin.contains(CaseReportSites.CASE_REPORT.toString()), origin);
                assertTrue(d.findElements(By.id("likely-origin")).isEmpty(), "still named as not archived");
                assertEquals(5, d.findElements(By.cssSelector("ol.matches li.match")).size());
                browser.screenshot("trace-after-capture");
                // only a path of this server is a way back, never another site
                d.get(capturePage.replaceAll("&back=.*", "") + "&back=" + ArchiveUrls.encode("//elsewhere.example/"));
                assertTrue(d.findElements(By.id("capture-back")).isEmpty(), "a way back to another site");
            }
        }
    }
}
