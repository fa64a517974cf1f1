package org.warctrail.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * WARC records of a small news site, made with jwarc's builders as the crawler makes them: a request and a
 * response (or a revisit) linked by WARC-Concurrent-To, with sha1 block and payload digests.
 */
public final class SiteRecords {
    public static final Instant T1 = Instant.parse("2024-03-05T10:15:30Z");
    public static final Instant T2 = Instant.parse("2024-03-06T08:00:00Z");

    public static final String PAGE = "http://news.example/ceasefire.html";
    public static final String CSS = "http://news.example/news.css";
    public static final String PHOTO = "http://news.example/photo.png";
    public static final String BACKGROUND = "http://news.example/bg.png";
    public static final String OLD = "http://news.example/old";
    public static final String OTHER = "http://other.example/unrelated.html";
    public static final String BLOG = "http://blog.example/post.html";

    public static final String PAGE_TITLE = "Ceasefire holds in the north";
    public static final String PAGE_TEXT = "At least 70 people were killed before the ceasefire took hold";

    public static final String PAGE_HTML = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Ceasefire holds in the north</title>
            <link rel="stylesheet" href="/news.css"></head>
            <body><article><h1>Ceasefire holds in the north</h1>
            <p id="lede">At least 70 people were killed before the ceasefire took hold, the ministry said on Tuesday.
            Aid convoys reached the border towns on Wednesday morning.</p>
            <img src="/photo.png" alt="Aid convoy at the border">
            <p>Talks are due to resume next week in the capital, officials said.</p></article></body></html>
            """;
    public static final String CSS_TEXT = "body { font-family: serif; color: #222 }\nh1 { background: url(/bg.png) }\n";
    public static final String OTHER_HTML = "<!doctype html><html><head><title>Unrelated page</title></head>"
            + "<body><p>Nothing to do with the news.</p></body></html>";
    public static final String BLOG_HTML = "<!doctype html><html><head><title>A blog reposts the news</title></head>"
            + "<body><article><p>The agency reports a ceasefire. <a href=\"" + PAGE + "\">Continue this article at "
            + "the agency</a></p></article></body></html>";

    private SiteRecords() {
    }

    /** The whole site: the page (captured twice, the second time unchanged), its requisites, a redirect, others. */
    public static List<List<WarcRecord>> site() throws IOException {
        Exchange page = exchange(PAGE, T1, 200, "text/html; charset=utf-8", PAGE_HTML.getBytes(StandardCharsets.UTF_8), "");
        return List.of(
                page.records(),
                exchange(CSS, T1.plusSeconds(1), 200, "text/css", CSS_TEXT.getBytes(StandardCharsets.UTF_8), "").records(),
                exchange(PHOTO, T1.plusSeconds(2), 200, "image/png", png(0x33), "").records(),
                exchange(BACKGROUND, T1.plusSeconds(3), 200, "image/png", png(0xcc), "").records(),
                exchange(OLD, T1.plusSeconds(4), 301, "text/html", "<a href=\"/ceasefire.html\">moved</a>"
                        .getBytes(StandardCharsets.UTF_8), "Location: /ceasefire.html\r\n").records(),
                exchange(OTHER, T1.plusSeconds(5), 200, "text/html", OTHER_HTML.getBytes(StandardCharsets.UTF_8), "").records(),
                exchange(BLOG, T1.plusSeconds(6), 200, "text/html", BLOG_HTML.getBytes(StandardCharsets.UTF_8), "").records(),
                revisit(page, T2));
    }

    /** A request and its response, as the crawler writes them (request first). */
    record Exchange(WarcRequest request, WarcResponse response, byte[] head, WarcDigest payloadDigest) {
        List<WarcRecord> records() {
            return List.of(request, response);
        }
    }

    static Exchange exchange(String url, Instant date, int status, String contentType, byte[] payload,
                             String extraHeaders) throws IOException {
        String reason = status == 200 ? "OK" : status == 301 ? "Moved Permanently" : "Status";
        byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + payload.length + "\r\n" + extraHeaders + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = concat(head, payload);
        URI responseId = newId();
        WarcDigest payloadDigest = sha1(payload);
        WarcResponse response = new WarcResponse.Builder(URI.create(url))
                .version(MessageVersion.WARC_1_1)
                .recordId(responseId)
                .date(date)
                .body(MediaType.HTTP_RESPONSE, block)
                .blockDigest(sha1(block))
                .payloadDigest(payloadDigest)
                .build();
        return new Exchange(request(url, date, responseId), response, head, payloadDigest);
    }

    /** An unchanged recapture: a revisit of the identical-payload-digest profile, referring to the response. */
    static List<WarcRecord> revisit(Exchange original, Instant date) throws IOException {
        URI id = newId();
        WarcRevisit revisit = new WarcRevisit.Builder(original.response().target(),
                WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1)
                .recordId(id)
                .date(date)
                .body(MediaType.HTTP_RESPONSE, original.head())
                .blockDigest(sha1(original.head()))
                .payloadDigest(original.payloadDigest())
                .refersTo(original.response().id(), original.response().target(), original.response().date())
                .build();
        return List.of(request(original.response().target(), date, id), revisit);
    }

    private static WarcRequest request(String url, Instant date, URI concurrentTo) throws IOException {
        URI u = URI.create(url);
        byte[] http = ("GET " + u.getRawPath() + " HTTP/1.1\r\nHost: " + u.getHost()
                + "\r\nUser-Agent: warctrail-test\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
        return new WarcRequest.Builder(u)
                .version(MessageVersion.WARC_1_1)
                .date(date)
                .body(MediaType.HTTP_REQUEST, http)
                .blockDigest(sha1(http))
                .concurrentTo(concurrentTo)
                .build();
    }

    /** A small valid PNG (8x8, one grey level). */
    static byte[] png(int grey) throws IOException {
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8,
                java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        for (int x = 0; x < 8; x++) for (int y = 0; y < 8; y++) image.getRaster().setSample(x, y, 0, grey);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static WarcDigest sha1(byte[] bytes) {
        try {
            return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }
}
