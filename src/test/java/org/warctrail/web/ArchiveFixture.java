package org.warctrail.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.store.WarcStore;

/**
 * A store of real WARC records for the web tests: a page with every kind of URL a rewriter must catch, its
 * stylesheet and image, a revisit of it and a later change, gzip, chunked, a redirect, a Latin-1 page, a page
 * with hostile headers, a page with a base element, and neighbours for CDX matching.
 */
final class ArchiveFixture {
    static final String SITE = "http://news.example";
    static final String ARTICLE = SITE + "/article";
    static final String T1 = "20240101120000";
    static final String T2 = "20240301120000"; // revisit of T1
    static final String T3 = "20240601120000"; // changed page
    static final String ARTICLE_V1 = """
            <!DOCTYPE html>
            <html><head><title>Seventy killed</title>
            <meta property="og:image" content="https://news.example/img/og.png">
            <link rel="stylesheet" href="/style.css" integrity="sha384-abc">
            <link rel="preload" as="image" imagesrcset="img/photo.png 1x, img/photo@2x.png 2x">
            <script src="//cdn.example/lib.js"></script>
            <style>@import "print.css"; .hero { background: url(/img/hero.png) }</style>
            <meta http-equiv="Content-Security-Policy" content="img-src https://cdn.example">
            </head><body style="background-image: url('img/bg.png')">
            <h1>At least 70 killed</h1>
            <p><a href="other.html">Other story</a> · <a href="https://cite.example/source" target="_top">Source</a>
            · <a href="#top">top</a> · <a href="mailto:desk@news.example">mail</a> · <a href="javascript:void(0)">js</a></p>
            <img src="img/photo.png" srcset="img/photo.png 1x, img/photo@2x.png 2x" alt="photo">
            <img data-src="https://cdn.example/lazy.jpg" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">
            <picture><source srcset="https://cdn.example/a.webp 480w, https://cdn.example/b.webp 800w"></picture>
            <iframe src="https://video.example/embed/1"></iframe>
            <form action="/search"><input name="q"></form>
            <video poster="/img/poster.jpg"><source src="https://cdn.example/v.mp4"></video>
            </body></html>
            """;
    static final String ARTICLE_V3 = ARTICLE_V1.replace("At least 70 killed", "62 killed");
    static final String CSS = "@import url(\"fonts.css\");\n@import 'more.css';\nbody { background: url(img/bg.png); }\n"
            + ".logo { background-image: url( \"https://cdn.example/logo.svg\" ) }\n";
    static final String GZ_HTML = "<html><body><a href=\"/article\">article</a><p>gzip body</p></body></html>";
    static final String CHUNKED_HTML = "<html><body><p>chunked body</p><img src=\"/img/photo.png\"></body></html>";
    static final String LATIN1_HTML = "<html><head><title>Caf\u00e9</title></head><body><p>Caf\u00e9 cr\u00e8me \u00e0 "
            + "l'\u00e9glise</p><a href=\"/article\">a</a></body></html>";

    final WarcStore store;
    final InMemoryCaptureLookup index;
    final byte[] png;
    final byte[] gzipped;

    ArchiveFixture(Path dir) throws IOException {
        store = WarcStore.open(dir);
        png = new byte[3000];
        new Random(7).nextBytes(png);
        png[0] = (byte) 0x89;
        gzipped = gzip(GZ_HTML.getBytes(StandardCharsets.UTF_8));
        List<WarcRecord> records = new ArrayList<>();
        byte[] v1 = ARTICLE_V1.getBytes(StandardCharsets.UTF_8);
        records.add(response(ARTICLE, T1, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                + "Last-Modified: Mon, 01 Jan 2024 11:00:00 GMT\r\nContent-Length: " + v1.length + "\r\n\r\n", v1, v1));
        records.add(new WarcRevisit.Builder(URI.create(ARTICLE), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .date(instant(T2))
                .refersTo(URI.create("urn:uuid:00000000-0000-0000-0000-000000000000"), URI.create(ARTICLE), instant(T1))
                .payloadDigest(digest(v1))
                .body(MediaType.HTTP_RESPONSE, ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        + "Set-Cookie: tracking=revisit\r\nLast-Modified: Fri, 01 Mar 2024 11:00:00 GMT\r\n"
                        + "Content-Length: " + v1.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1))
                .build());
        byte[] v3 = ARTICLE_V3.getBytes(StandardCharsets.UTF_8);
        records.add(response(ARTICLE, T3, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n", v3, v3));
        byte[] css = CSS.getBytes(StandardCharsets.UTF_8);
        records.add(response(SITE + "/style.css", "20240101120001", "HTTP/1.1 200 OK\r\nContent-Type: text/css\r\n\r\n", css, css));
        records.add(response(SITE + "/img/photo.png", "20240101120002", "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n"
                + "Content-Length: " + png.length + "\r\n\r\n", png, png));
        records.add(response(SITE + "/gz", "20240101120003", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Content-Encoding: gzip\r\nContent-Length: " + gzipped.length + "\r\n\r\n", gzipped, gzipped));
        byte[] chunkedPayload = CHUNKED_HTML.getBytes(StandardCharsets.UTF_8);
        records.add(response(SITE + "/chunked", "20240101120004", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n", chunked(chunkedPayload, 10), chunkedPayload));
        records.add(response(SITE + "/old", "20240101120005", "HTTP/1.1 301 Moved Permanently\r\n"
                + "Location: /article\r\nContent-Length: 0\r\n\r\n", new byte[0], new byte[0]));
        byte[] latin1 = LATIN1_HTML.getBytes(StandardCharsets.ISO_8859_1);
        records.add(response(SITE + "/latin1", "20240101120006", "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html; charset=ISO-8859-1\r\n\r\n", latin1, latin1));
        byte[] evil = "<html><body>evil</body></html>".getBytes(StandardCharsets.UTF_8);
        records.add(response(SITE + "/evil", "20240101120007", "HTTP/1.1 200 OK\r\n"
                + "Content-Type: text/html;\r\n Set-Cookie: folded=1\r\n"
                + "Set-Cookie: session=stolen; Path=/\r\n"
                + "Content-Security-Policy: default-src *\r\n"
                + "Access-Control-Allow-Origin: *\r\n"
                + "Last-Modified: Mon, 01 Jan 2024\rSet-Cookie: cr=1\r\n"
                + "Refresh: 0; url=https://evil.example/\r\n\r\n", evil, evil));
        byte[] based = ("<html><head><base href=\"http://static.example/assets/\"></head><body>"
                + "<img src=\"a.png\"><a href=\"/root\">root</a></body></html>").getBytes(StandardCharsets.UTF_8);
        records.add(response(SITE + "/based", "20240101120008", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", based, based));
        byte[] small = "<p>x</p>".getBytes(StandardCharsets.UTF_8);
        records.add(response(SITE + "/dir/a", "20230101000000", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n", small, small));
        records.add(response(SITE + "/dir/b", "20230601000000", "HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n", small, small));
        records.add(response("http://sub.news.example/x", "20220101000000", "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n", small, small));
        try (RotatingWarcWriter writer = store.newWriter(RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE, Map.of())) {
            writer.writeAll(records);
        }
        index = new InMemoryCaptureLookup(store);
    }

    static WarcResponse response(String url, String ts, String head, byte[] body, byte[] payload)
            throws IOException {
        byte[] head1 = head.getBytes(StandardCharsets.ISO_8859_1);
        byte[] block = new byte[head1.length + body.length];
        System.arraycopy(head1, 0, block, 0, head1.length);
        System.arraycopy(body, 0, block, head1.length, body.length);
        return new WarcResponse.Builder(URI.create(url)).date(instant(ts)).payloadDigest(digest(payload))
                .body(MediaType.HTTP_RESPONSE, block).build();
    }

    static Instant instant(String ts) {
        return CaptureTime.toInstant(ts);
    }

    static WarcDigest digest(byte[] payload) {
        try {
            return new WarcDigest("sha1", MessageDigest.getInstance("SHA-1").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(data);
        }
        return bo.toByteArray();
    }

    static byte[] chunked(byte[] data, int size) {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        for (int i = 0; i < data.length; i += size) {
            int n = Math.min(size, data.length - i);
            bo.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            bo.write(data, i, n);
            bo.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        bo.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return bo.toByteArray();
    }
}
