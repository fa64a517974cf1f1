package org.warctrail.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcWriter;

/**
 * A generated WARC of a few hundred news-like pages of six sites (shared navigation, varied lengths, quotes,
 * links), with what an indexing pass treats apart between them: images, redirects, revisits, a gzip-encoded and a
 * chunked page, POST requests before and after their responses, and pages whose URL contains "explode" (the
 * tests' extractor throws on them). Page {@code i} is at {@link #page(int)}, every one an HTML document.
 */
final class ManyPagesWarc {
    static final Instant START = Instant.parse("2024-03-01T08:00:00Z");

    private ManyPagesWarc() {
    }

    static String page(int i) {
        return "http://site" + (i % 6) + ".example/news/p" + i;
    }

    /** Writes {@code pages} pages (and the records between them) to {@code warc}, one gzip member per record. */
    static Path write(Path warc, int pages) throws IOException {
        Random random = new Random(12);
        String[] words = new String[900];
        for (int i = 0; i < words.length; i++) {
            StringBuilder w = new StringBuilder();
            for (int k = 0, n = 3 + random.nextInt(7); k < n; k++) w.append((char) ('a' + random.nextInt(26)));
            words[i] = w.toString();
        }
        try (WarcWriter writer = new WarcWriter(FileChannel.open(warc, StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), WarcCompression.GZIP)) {
            WarcResponse previous = null;
            for (int i = 0; i < pages; i++) {
                Instant date = START.plusSeconds(60L * i);
                byte[] html = html(i, words, random);
                String url = i % 50 == 49 ? page(i) + "?explode" : page(i);
                WarcResponse response;
                if (i % 37 == 5) {
                    response = response(url, date, "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n",
                            gzip(html));
                } else if (i % 41 == 7) {
                    response = response(url, date, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
                            chunked(html));
                } else {
                    response = response(url, date, "Content-Type: text/html; charset=utf-8\r\n", html);
                }
                if (i % 40 == 11) {
                    WarcRequest post = post(url, date, "q=" + words[i % words.length] + "&page=" + i, response.id());
                    if (i % 80 == 11) {
                        writer.write(post);
                        writer.write(response);
                    } else {
                        writer.write(response);
                        writer.write(post);
                    }
                } else {
                    writer.write(response);
                }
                if (i % 20 == 3) {
                    writer.write(response("http://site" + (i % 6) + ".example/img/" + i + ".png", date,
                            "Content-Type: image/png\r\n", SiteRecords.png(i % 256)));
                }
                if (i % 30 == 17) {
                    writer.write(response("http://site" + (i % 6) + ".example/old/" + i, date,
                            "Location: /news/p" + i + "\r\n", new byte[0], 301));
                }
                if (i % 25 == 24 && previous != null) writer.write(revisit(previous, date.plusSeconds(30)));
                previous = response;
            }
        }
        return warc;
    }

    private static byte[] html(int i, String[] words, Random random) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en\"><head><title>");
        for (int k = 0; k < 6; k++) html.append(words[random.nextInt(words.length)]).append(' ');
        html.append("</title></head><body><nav><a href=\"/\">Site ").append(i % 6).append(" home</a> ")
                .append("<a href=\"/news\">News</a> <a href=\"/about\">About us and our newsroom</a></nav><article><h1>")
                .append("Report ").append(i).append("</h1>");
        int paragraphs = 3 + random.nextInt(i % 9 == 0 ? 120 : 25);
        for (int p = 0; p < paragraphs; p++) {
            html.append("<p>");
            if (p % 4 == 1) html.append("\u201cWe will see what the council decides,\u201d said Mayor Ann Lee. ");
            for (int k = 0, n = 30 + random.nextInt(60); k < n; k++) {
                html.append(words[(int) Math.abs(random.nextGaussian() * 200) % words.length]).append(' ');
            }
            html.append("<a href=\"").append(page(random.nextInt(400))).append("\">more</a></p>\n");
        }
        html.append("</article><footer>Copyright Site ").append(i % 6).append(". All rights reserved. Contact the "
                + "newsroom for corrections.</footer></body></html>\n");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static WarcResponse response(String url, Instant date, String headers, byte[] body) throws IOException {
        return response(url, date, headers, body, 200);
    }

    private static WarcResponse response(String url, Instant date, String headers, byte[] body, int status)
            throws IOException {
        boolean chunked = headers.contains("chunked");
        String head = "HTTP/1.1 " + status + (status == 200 ? " OK" : " Moved") + "\r\n" + headers
                + (chunked ? "" : "Content-Length: " + body.length + "\r\n") + "\r\n";
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(head.getBytes(StandardCharsets.ISO_8859_1));
        block.write(body);
        return new WarcResponse.Builder(URI.create(url)).date(date)
                .body(MediaType.HTTP_RESPONSE, block.toByteArray()).build();
    }

    private static WarcRequest post(String url, Instant date, String form, URI response) throws IOException {
        URI u = URI.create(url);
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        String head = "POST " + u.getRawPath() + " HTTP/1.1\r\nHost: " + u.getHost() + "\r\nContent-Type: "
                + "application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        block.write(head.getBytes(StandardCharsets.ISO_8859_1));
        block.write(body);
        return new WarcRequest.Builder(u).date(date).body(MediaType.HTTP_REQUEST, block.toByteArray())
                .concurrentTo(response).build();
    }

    private static WarcRevisit revisit(WarcResponse original, Instant date) throws IOException {
        return new WarcRevisit.Builder(original.target(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1).date(date)
                .body(MediaType.HTTP_RESPONSE, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
                        .getBytes(StandardCharsets.ISO_8859_1))
                .refersTo(original.id(), original.target(), original.date()).build();
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] chunked(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < bytes.length; at += 1000) {
            int n = Math.min(1000, bytes.length - at);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(bytes, at, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }
}
