package org.warctrail.provenance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.index.SurtKey;

/**
 * The seed case as web pages in a WARC file, as a capture of the blog to depth 3 would record them: the blog
 * (menu, share buttons, advert, image credit, "Continue this article at RT" through a short link), the short
 * link's 301, the news article citing the transcript, the transcript as a PDF, and a syndicated copy with
 * rel=canonical. Texts are {@link SeedFixture}'s.
 */
public final class SeedArchive {
    private SeedArchive() {
    }

    public static Path write(Path dir) throws IOException {
        Path file = dir.resolve("seed.warc.gz");
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING); WarcWriter writer = new WarcWriter(channel, WarcCompression.GZIP)) {
            writer.write(response(SeedFixture.BLOG, "20160921120000", 200, "text/html; charset=utf-8", blog(), null));
            writer.write(response(SeedFixture.SHORT, "20160921120005", 301, "text/html",
                    ("<a href=\"" + SeedFixture.ARTICLE + "\">moved</a>").getBytes(StandardCharsets.UTF_8), SeedFixture.ARTICLE));
            writer.write(response(SeedFixture.ARTICLE, "20160921120010", 200, "text/html; charset=utf-8", article(), null));
            writer.write(response(SeedFixture.TRANSCRIPT, "20160921120020", 200, "application/pdf", transcriptPdf(), null));
            writer.write(response(SeedFixture.COPY, "20160921120030", 200, "text/html; charset=utf-8", copy(), null));
        }
        return file;
    }

    private static String paragraphs(List<String> paragraphs) {
        StringBuilder b = new StringBuilder();
        for (String p : paragraphs) b.append("<p>").append(escape(p)).append("</p>\n");
        return b.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String page(String title, String site, String published, String head, String menu, String body) {
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title>"
                + "<meta property=\"og:site_name\" content=\"" + site + "\">"
                + "<meta property=\"article:published_time\" content=\"" + published + "\">" + head + "</head><body>"
                + menu + "<main><article><h1>" + escape(title) + "</h1>\n" + body + "</article></main>"
                + "<footer><p>© " + site + " 2016. All rights reserved.</p></footer></body></html>";
    }

    private static String menu(String home) {
        return "<header><nav><ul><li><a href=\"" + home + "\">Home</a></li><li><a href=\"" + home
                + "category/syria/\">Syria Files</a></li><li><a href=\"" + home + "about/\">About</a></li>"
                + "<li><a href=\"" + home + "contact/\">Contact</a></li></ul></nav>"
                + "<div class=\"share\"><a href=\"https://www.facebook.com/sharer.php?u=" + home + "\">Facebook</a> "
                + "<a href=\"https://twitter.com/intent/tweet?url=" + home + "\">Twitter</a></div></header>";
    }

    private static byte[] blog() {
        List<String> p = SeedFixture.ARTICLE_PARAGRAPHS;
        String[] intro = SeedFixture.BLOG_TEXT.split("\n\n");
        String body = paragraphs(List.of(intro[0], intro[1]))
                + "<figure><img src=\"/wp-content/uploads/strike.jpg\" alt=\"US airstrike\"><figcaption>US airstrike in"
                + " Syria (Image Source: <a href=\"" + SeedFixture.IMAGE_SOURCE + "\">Daily Record</a>)</figcaption></figure>\n"
                + paragraphs(List.of(intro[3], p.get(0), p.get(1), p.get(2), p.get(3), p.get(4)))
                + "<p><a href=\"" + SeedFixture.SHORT + "\">Continue this article at RT</a></p>\n"
                + "<p>READ MORE SYRIA NEWS AT: <a href=\"https://21stcenturywire.com/category/syria-files/\">21st Century"
                + " Wire Syria Files</a></p>\n"
                + "<aside><a href=\"https://www.newdawnmagazine.com/subscribe\">Get Your Copy of New Dawn Magazine #203</a></aside>";
        return page("REVEALED: Russia Contacted US Twice to Stop Coalition’s Massacre of Syrian Army Troops",
                "21st Century Wire", "2016-09-20T10:00:00Z", "", menu("https://21stcenturywire.com/"), body)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String articleBody() {
        List<String> p = SeedFixture.ARTICLE_PARAGRAPHS;
        String cited = escape(p.get(1)).replace("told reporters at the Pentagon",
                "<a href=\"http://defense.gov/Portals/1/transcripts/2016-09-19-thomas-briefing.pdf\">told reporters at the Pentagon</a>");
        return paragraphs(List.of(p.get(0))) + "<p>" + cited + "</p>\n" + paragraphs(p.subList(2, p.size()));
    }

    private static byte[] article() {
        return page("Russia contacted US twice to stop strike on Syrian army", "RT", "2016-09-19T15:00:00Z", "",
                menu("https://www.rt.com/"), articleBody()).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] copy() {
        String body = articleBody() + "<p>This article was originally published by <a href=\"" + SeedFixture.ARTICLE
                + "\">RT</a>.</p>";
        return page("Russia contacted US twice to stop strike on Syrian army", "Global Research", "2016-09-19T18:00:00Z",
                "<link rel=\"canonical\" href=\"http://rt.com/news/360028-russia-contacted-us-strike\">",
                menu("https://www.globalresearch.ca/"), body).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] transcriptPdf() throws IOException {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
                content.setLeading(14);
                content.newLineAtOffset(40, 740);
                for (String line : SeedFixture.TRANSCRIPT_TEXT.split("\n")) {
                    content.showText(line);
                    content.newLine();
                }
                content.endText();
            }
            Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            created.setTimeInMillis(SurtKey.instant("20160919130000").toEpochMilli());
            pdf.getDocumentInformation().setCreationDate(created);
            pdf.getDocumentInformation().setTitle("Department of Defense Press Briefing by Col. Thomas");
            pdf.save(out);
            return out.toByteArray();
        }
    }

    private static WarcResponse response(String url, String timestamp, int status, String type, byte[] body,
                                         String location) throws IOException {
        HttpResponse.Builder http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Moved Permanently")
                .body(MediaType.parse(type), body);
        if (location != null) http.addHeader("Location", location);
        return new WarcResponse.Builder(URI.create(url)).date(SurtKey.instant(timestamp)).body(http.build())
                .payloadDigest(sha1(body)).build();
    }

    private static WarcDigest sha1(byte[] bytes) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(bytes);
            return new WarcDigest(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
