package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Hostile payloads end as failed (or cut) documents within bounded time and memory, and the next one is fine. */
class ExtractionLimitsTest {
    /** 50,000 unclosed {@code <b><i><span><a>}: 1.2 MB that made the main-text scoring run for a minute. */
    static byte[] unclosedTags() {
        return unclosedTags(50_000);
    }

    /** {@code groups} unclosed b/i/span/a, four elements each, nested ever deeper. */
    static byte[] unclosedTags(int groups) {
        StringBuilder html = new StringBuilder("<html><body><p>start");
        for (int i = 0; i < groups; i++) html.append("<b><i><span><a href=\"/x").append(i % 10).append("\">w ");
        return html.append("</body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pdfWhoseStreamExpandsToGigabytesIsRefusedUnparsed() throws IOException {
        byte[] bomb = Bombs.pdf(300L * 1024 * 1024);
        Document d = new Extractor().extract("https://bomb.example/report.pdf", "application/pdf", bomb);
        assertNotNull(d);
        assertNotNull(d.error());
        assertTrue(d.error().contains("expands beyond the limit") && d.error().contains("https://bomb.example/report.pdf"),
                d.error());
        assertEquals("", d.text()); // a failed document has no text, never a null one
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void docxWithHugeDocumentXmlIsReadAsAStreamAndCut() throws IOException {
        byte[] bomb = Bombs.docx(300L * 1024 * 1024);
        Document d = new Extractor(1_000_000, 60_000).extract("https://bomb.example/a.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bomb);
        assertNotNull(d);
        assertNotNull(d.text(), String.valueOf(d.error()));
        assertTrue(d.text().length() <= 1_000_000 + 200_000, "text cut at the limit: " + d.text().length());
        assertTrue(d.text().startsWith("All work and no play"), d.text().substring(0, 40));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void pageOfTooManyElementsIsAFailedDocument() {
        Document d = new Extractor().extract("https://hostile.example/", "text/html", unclosedTags());
        assertNotNull(d.error());
        assertTrue(d.error().contains("HTML elements, more than the limit of " + HtmlExtractor.MAX_ELEMENTS), d.error());
        Document next = new Extractor().extract("https://fine.example/", "text/html",
                "<html lang=en><body><article><p>A fine page that says enough words to be a paragraph of text here.</p></article></body></html>"
                        .getBytes(StandardCharsets.UTF_8));
        assertNull(next.error());
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void extractionPastItsTimeLimitIsStoppedAndReported() {
        long start = System.nanoTime();
        Document d = new Extractor(Extractor.DEFAULT_MAX_CHARS, 300).extract("https://slow.example/", "text/html",
                unclosedTags(24_000)); // under the element cap, so only the time limit can stop it
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertNotNull(d.error());
        assertTrue(d.error().contains("took longer than 0.3 s") && d.error().contains("https://slow.example/"), d.error());
        assertTrue(millis < 3_000, "returned after " + millis + " ms");
    }

    @Test
    void noParserRunsAnExternalProgram() {
        for (Parser p : TikaParsers.parser().getParsers().values()) {
            String name = p.getClass().getName();
            assertFalse(name.contains(".external") || name.contains(".ocr.") || name.contains("GDAL")
                    || name.contains("Strings"), name);
        }
        assertEquals("application/pdf", Extractor.detect("https://x.example/a", "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII)));
    }
}
