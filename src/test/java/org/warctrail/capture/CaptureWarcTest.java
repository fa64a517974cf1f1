package org.warctrail.capture;

import org.warctrail.fixture.WarcValidation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcDigest;
import org.warctrail.fixture.FixtureResponse;
import org.warctrail.fixture.FixtureWeb;

/** The WARC records the crawler writes: validity, pairing, digests, exact bytes, revisits. */
class CaptureWarcTest {
    static FixtureWeb web;
    @TempDir
    Path dir;

    @BeforeAll
    static void startWeb() throws Exception {
        web = FixtureWeb.start();
    }

    @AfterAll
    static void stopWeb() throws Exception {
        web.close();
    }

    @Test
    void proxyCaptureOfPageAndRequisitesPassesJwarcValidator() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> { }, FixtureWeb.BLOG_POST);

        assertTrue(WarcValidation.jwarcValidates(crawl.warc), "jwarc ValidateTool rejects " + crawl.warc);
        assertEquals("warcinfo", crawl.records.get(0).type());
        // page, robots.txt and requisites: CSS, @import-ed CSS, its background image, images, icon
        for (String path : List.of("/robots.txt", "/2016/09/russia-contacted-us-twice.html", "/style.css", "/print.css",
                "/img/bg.png", "/img/airstrike.png", "/img/newdawn-203.png", "/favicon.ico")) {
            assertNotNull(crawl.responseFor(URI.create("http://blog.example" + path)), "no response for " + path);
        }
        assertEquals(1, crawl.summary.pages(), "one page: robots.txt and the requisites are resources");
        assertEquals(7, crawl.summary.resources(), "robots.txt, 5 requisites and the 404 favicon");
        assertEquals(crawl.summary.captured().size(), crawl.summary.pages() + crawl.summary.resources());
        assertFalse(crawl.captured("dailyrecord.example"), "depth 0 follows no outlink");
        assertEquals(404, crawl.captured(URI.create("http://blog.example/favicon.ico")).status());
        assertEquals(0, crawl.summary.failures().size(), crawl.summary.failures().toString());
    }

    @Test
    void requestAndResponseArePairedAndHoldTheBytesExchanged() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.requisites(false), FixtureWeb.BLOG_POST);

        ArchivedRecord response = crawl.responseFor(FixtureWeb.BLOG_POST);
        ArchivedRecord request = crawl.records.stream().filter(r -> r.type().equals("request")
                && response.header("WARC-Record-ID").equals(r.header("WARC-Concurrent-To"))).findFirst().orElseThrow();
        assertEquals(FixtureWeb.BLOG_POST.toString(), request.target());
        String sent = new String(request.block(), StandardCharsets.ISO_8859_1);
        assertTrue(sent.startsWith("GET http://blog.example/2016/09/russia-contacted-us-twice.html HTTP/1.1\r\n"), sent);
        assertTrue(sent.contains("\r\nHost: blog.example\r\n") && sent.contains("User-Agent: warctrail/") && sent.endsWith("\r\n\r\n"), sent);
        assertNull(response.header("WARC-IP-Address"), "no server address is known through a proxy");
        assertEquals("application/http;msgtype=response", response.header("Content-Type"));

        byte[] served = web.responseFor(FixtureWeb.BLOG_POST).content();
        assertArrayEquals(served, response.payload());
        assertEquals("sha1:" + base32Sha1(served), response.header("WARC-Payload-Digest"));
        assertEquals("sha1:" + base32Sha1(response.block()), response.header("WARC-Block-Digest"));
        assertEquals("sha1:" + base32Sha1(request.block()), request.header("WARC-Block-Digest"));
        String head = new String(response.block(), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\nServer: warctrail-fixture\r\n"), head);
    }

    @Test
    void chunkedGzipResponseIsKeptAsTransferredAndItsPayloadDigestIsDechunked() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.requisites(false), FixtureWeb.NEWS_ARTICLE);
        assertTrue(WarcValidation.jwarcValidates(crawl.warc));

        ArchivedRecord response = crawl.responseFor(FixtureWeb.NEWS_ARTICLE);
        FixtureResponse served = web.responseFor(FixtureWeb.NEWS_ARTICLE);
        String raw = new String(response.block(), StandardCharsets.ISO_8859_1);
        assertTrue(raw.contains("Transfer-Encoding: chunked\r\n") && raw.contains("Content-Encoding: gzip\r\n"), raw);
        assertTrue(raw.contains("\r\n\r\n7;ext=1\r\n"), "chunk framing kept verbatim");
        assertTrue(raw.endsWith("\r\n0\r\n\r\n"), "last chunk kept");
        assertArrayEquals(served.entity(), response.payload(), "payload = de-chunked, still gzip-encoded");
        assertArrayEquals(served.content(), response.decoded(), "gunzipped payload = what the server meant");
        assertEquals("sha1:" + base32Sha1(served.entity()), response.header("WARC-Payload-Digest"));
    }

    @Test
    void directCaptureRecordsTheServerAddressAndOriginFormRequest() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.direct(web, dir, c -> c.requisites(false), FixtureWeb.LATIN1_PAGE);
        assertTrue(WarcValidation.jwarcValidates(crawl.warc));

        ArchivedRecord response = crawl.responseFor(FixtureWeb.LATIN1_PAGE);
        assertEquals("127.0.0.1", response.header("WARC-IP-Address"));
        ArchivedRecord request = crawl.records.stream().filter(r -> r.type().equals("request")
                && r.target().endsWith("/fr/ete-a-paris.html")).findFirst().orElseThrow();
        String sent = new String(request.block(), StandardCharsets.ISO_8859_1);
        assertTrue(sent.startsWith("GET /fr/ete-a-paris.html HTTP/1.1\r\nHost: intl.example:" + web.port() + "\r\n"), sent);
        assertEquals("127.0.0.1", request.header("WARC-IP-Address"));
        // ended by closing the connection: every byte up to the close is the payload, latin-1 untouched
        byte[] served = web.responseFor(FixtureWeb.LATIN1_PAGE).content();
        assertArrayEquals(served, response.payload());
        assertTrue(new String(response.payload(), StandardCharsets.ISO_8859_1).contains("Été à Paris"));
        assertEquals("text/html", crawl.captured(FixtureWeb.LATIN1_PAGE).type());
    }

    @Test
    void pdfAndWindows1251PagesArriveByteForByte() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> { },
                FixtureWeb.TRANSCRIPT_PDF, FixtureWeb.CP1251_PAGE);
        assertTrue(WarcValidation.jwarcValidates(crawl.warc));
        assertArrayEquals(web.responseFor(FixtureWeb.TRANSCRIPT_PDF).content(), crawl.responseFor(FixtureWeb.TRANSCRIPT_PDF).payload());
        assertEquals("application/pdf", crawl.captured(FixtureWeb.TRANSCRIPT_PDF).type());
        byte[] page = crawl.responseFor(FixtureWeb.CP1251_PAGE).payload();
        assertTrue(new String(page, java.nio.charset.Charset.forName("windows-1251")).contains("Конашенков"));
    }

    @Test
    void unchangedRecaptureIsARevisitAndChangedPagesAreResponses() throws Exception {
        try (FixtureWeb own = FixtureWeb.start()) {
            RecordedHistory history = new RecordedHistory();
            FixtureCrawl first = FixtureCrawl.viaProxy(own, dir, history, c -> { }, FixtureWeb.BLOG_POST);
            history.add(first.warc);
            FixtureCrawl second = FixtureCrawl.viaProxy(own, dir, history, c -> { }, FixtureWeb.BLOG_POST);
            assertTrue(WarcValidation.jwarcValidates(second.warc));

            ArchivedRecord revisit = second.responseFor(FixtureWeb.BLOG_POST);
            ArchivedRecord original = first.responseFor(FixtureWeb.BLOG_POST);
            assertEquals("revisit", revisit.type());
            assertEquals("http://netpreserve.org/warc/1.1/revisit/identical-payload-digest", revisit.header("WARC-Profile"));
            assertEquals(FixtureWeb.BLOG_POST.toString(), revisit.header("WARC-Refers-To-Target-URI"));
            assertEquals(original.header("WARC-Date"), revisit.header("WARC-Refers-To-Date"));
            assertEquals(original.header("WARC-Record-ID"), revisit.header("WARC-Refers-To"));
            assertEquals(original.header("WARC-Payload-Digest"), revisit.header("WARC-Payload-Digest"));
            String block = new String(revisit.block(), StandardCharsets.ISO_8859_1);
            assertTrue(block.startsWith("HTTP/1.1 200 OK\r\n") && block.endsWith("\r\n\r\n"), "headers kept, body omitted: " + block);
            assertTrue(second.captured(FixtureWeb.BLOG_POST).revisit());
            assertTrue(second.records.stream().anyMatch(r -> r.type().equals("request")
                    && revisit.header("WARC-Record-ID").equals(r.header("WARC-Concurrent-To"))));

            own.advance();
            history.add(second.warc);
            FixtureCrawl third = FixtureCrawl.viaProxy(own, dir, history, c -> { }, FixtureWeb.BLOG_POST);
            assertEquals("response", third.responseFor(FixtureWeb.BLOG_POST).type(), "the post changed");
            assertTrue(new String(third.responseFor(FixtureWeb.BLOG_POST).payload(), StandardCharsets.UTF_8).contains("killed 62 soldiers"));
            assertEquals("revisit", third.responseFor(FixtureWeb.BLOG_IMAGE).type(), "the image did not");
            assertEquals(first.responseFor(FixtureWeb.BLOG_IMAGE).header("WARC-Record-ID"),
                    third.responseFor(FixtureWeb.BLOG_IMAGE).header("WARC-Refers-To"), "refers to the first capture, the last response");
            assertTrue(WarcValidation.jwarcValidates(third.warc));
        }
    }

    @Test
    void listenerHearsEveryFetchAndProgress() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> { }, FixtureWeb.BLOG_POST, FixtureWeb.REDIRECT_LOOP);
        long fetched = crawl.events.stream().filter(e -> e instanceof CapturedResource).count();
        long failed = crawl.events.stream().filter(e -> e instanceof CaptureFailure).count();
        List<CrawlProgress> progress = crawl.events.stream().filter(e -> e instanceof CrawlProgress).map(e -> (CrawlProgress) e).toList();
        assertEquals(crawl.summary.captured().size(), fetched);
        assertEquals(crawl.summary.failures().size(), failed);
        assertFalse(progress.isEmpty());
        CrawlProgress last = progress.get(progress.size() - 1);
        assertEquals(crawl.summary.pages(), last.pages());
        assertEquals(0, last.queued());
        assertEquals(crawl.summary.bytes(), last.bytes());
        for (CapturedResource c : crawl.summary.captured()) {
            assertTrue(c.timestamp().matches("\\d{14}"), c.timestamp());
        }
    }

    @Test
    void theValidatorUsedHereRejectsAWrongPayloadDigest() throws Exception {
        Path bad = dir.resolve("bad.warc.gz");
        byte[] http = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello".getBytes(StandardCharsets.ISO_8859_1);
        try (WarcFileSink sink = new WarcFileSink(bad)) {
            sink.write(List.of(new org.netpreserve.jwarc.WarcResponse.Builder(URI.create("http://x.example/"))
                    .body(org.netpreserve.jwarc.MediaType.HTTP_RESPONSE, http)
                    .payloadDigest("sha1", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").build()));
        }
        assertFalse(WarcValidation.jwarcValidates(bad));
    }

    static String base32Sha1(byte[] bytes) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        md.update(bytes);
        return new WarcDigest(md).base32();
    }
}
