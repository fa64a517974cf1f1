package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** Tika path: documents generated here (PDFBox and POI come with Tika), so no binary fixtures. */
class DocumentFormatsTest {
    private final Extractor extractor = new Extractor();

    static byte[] pdf() throws IOException {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 700);
                cs.showText("Department of Defense Press Briefing by Col. Thomas");
                cs.newLineAtOffset(0, -40);
                cs.showText("\"The call to knock it off was put in place and the attacks ceased,\" Thomas said.");
                cs.endText();
            }
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Press Briefing Transcript");
            info.setAuthor("DoD Press Office");
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.clear();
            created.set(2016, Calendar.SEPTEMBER, 19, 15, 30, 0);
            info.setCreationDate(created);
            doc.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void pdfTextAndCreationDate() throws IOException {
        Document d = extractor.extract("https://www.defense.example/transcript.pdf", "application/pdf", pdf());
        assertNull(d.error(), d.error());
        assertTrue(d.text().contains("Department of Defense Press Briefing by Col. Thomas"), d.text());
        assertEquals("2016-09-19T15:30:00Z", d.published());
        assertEquals("Press Briefing Transcript", d.title());
        assertEquals(List.of("DoD Press Office"), d.authors());
        assertTrue(d.quotes().stream().anyMatch(q -> "Thomas".equals(q.speaker())), d.quotes().toString());
    }

    @Test
    void pdfSniffedWithoutContentType() throws IOException {
        Document d = extractor.extract("https://www.defense.example/download?id=1", null, pdf());
        assertNotNull(d);
        assertTrue(d.contentType().startsWith("application/pdf"), d.contentType());
        assertEquals("2016-09-19T15:30:00Z", d.published());
    }

    @Test
    void corruptPdfIsAnErrorNotAnException() throws IOException {
        byte[] broken = Arrays.copyOf(pdf(), 300);
        Document d = extractor.extract("https://x.example/broken.pdf", "application/pdf", broken);
        assertNotNull(d);
        assertNotNull(d.error());
        assertTrue(d.error().contains("https://x.example/broken.pdf"), d.error());
        Document garbage = extractor.extract("https://x.example/g.pdf", "application/pdf", "%PDF-1.7 garbage".getBytes(StandardCharsets.US_ASCII));
        assertNotNull(garbage.error());
    }

    @Test
    void docx() throws Exception {
        byte[] bytes;
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("First paragraph of the statement.");
            doc.createParagraph().createRun().setText("Second paragraph: the ministry said it acted lawfully.");
            doc.getProperties().getCoreProperties().setTitle("Ministry statement");
            doc.getProperties().getCoreProperties().setCreator("Press Service");
            doc.getProperties().getCoreProperties().setCreated("2016-09-18T09:00:00Z");
            doc.write(out);
            bytes = out.toByteArray();
        }
        Document d = extractor.extract("https://m.example/statement.docx",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document", bytes);
        assertNull(d.error(), d.error());
        assertEquals(List.of("First paragraph of the statement.", "Second paragraph: the ministry said it acted lawfully."), d.paragraphs());
        assertEquals("Ministry statement", d.title());
        assertEquals(List.of("Press Service"), d.authors());
        assertEquals("2016-09-18T09:00:00Z", d.published());
    }

    @Test
    void plainTextParagraphs() {
        String text = "A headline\n\nThe first paragraph\nwraps over two lines.\n\nThe second paragraph is here and it is written in English for the test.";
        Document d = extractor.extract("https://t.example/a.txt", "text/plain", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("A headline", "The first paragraph wraps over two lines.",
                "The second paragraph is here and it is written in English for the test."), d.paragraphs());
    }

    @Test
    void textLimitKeepsTheStart() {
        Document d = new Extractor(20, 10_000).extract("https://t.example/b.txt", "text/plain",
                "0123456789 0123456789 0123456789".getBytes(StandardCharsets.UTF_8));
        assertNull(d.error());
        // the limit counts the characters Tika emits, layout whitespace included
        assertTrue(d.text().startsWith("0123456789 0123") && d.text().length() <= 20, d.text());
    }

    @Test
    void imagesAndScriptsAreNotDocuments() {
        assertNull(extractor.extract("https://x.example/a.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
        assertNull(extractor.extract("https://x.example/a.css", "text/css", "body{}".getBytes(StandardCharsets.UTF_8)));
        assertNull(extractor.extract("https://x.example/a.js", "application/javascript", "var a;".getBytes(StandardCharsets.UTF_8)));
    }
}
