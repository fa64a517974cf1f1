package org.warctrail.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.WarcValidation;

/**
 * The https path: TLS with SNI, certificate and host name checks (on by default, off with
 * checkCertificates=false), and the CONNECT tunnel through an HTTP proxy, against a local HttpsServer
 * whose self-signed certificate the default trust refuses.
 */
class HttpsCaptureTest {
    static Path keyDir;
    static SecureSite site;
    static ConnectProxy proxy;
    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        keyDir = Files.createTempDirectory("https-capture-");
        site = new SecureSite(keyDir);
        proxy = new ConnectProxy(Map.of(SecureSite.HOST + ":443",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), site.port())));
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        site.close();
        try (var files = Files.walk(keyDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedByDefaultAndNothingIsRecorded() throws Exception {
        int served = site.serverNames().size();
        FixtureCrawl crawl = FixtureCrawl.run(direct(c -> { }).build(), dir, PayloadHistory.NONE);

        assertTrue(crawl.summary.captured().isEmpty(), crawl.summary.captured().toString());
        assertEquals(1, crawl.summary.failures().size(), crawl.summary.failures().toString());
        String reason = crawl.summary.failures().get(0).reason();
        assertTrue(reason.contains("certificate of secure.example:" + site.port() + " not accepted")
                && reason.contains("PKIX"), reason);
        assertEquals(List.of("warcinfo"), crawl.records.stream().map(ArchivedRecord::type).toList(),
                "no request or response is written for a refused certificate");
        assertEquals(served, site.serverNames().size(), "no request got past the handshake");
    }

    @Test
    void withoutCertificateChecksADirectCaptureHoldsTheBytesTheServerSent() throws Exception {
        int served = site.serverNames().size();
        FixtureCrawl crawl = FixtureCrawl.run(direct(c -> c.checkCertificates(false)).build(), dir, PayloadHistory.NONE);

        assertEquals(List.of(), crawl.summary.failures());
        assertTrue(WarcValidation.jwarcValidates(crawl.warc), "jwarc ValidateTool rejects " + crawl.warc);
        String base = "https://secure.example:" + site.port();
        ArchivedRecord page = crawl.responseFor(URI.create(base + SecureSite.PAGE));
        ArchivedRecord image = crawl.responseFor(URI.create(base + SecureSite.IMAGE));
        assertNotNull(page, "no response for the page");
        assertNotNull(image, "no response for the image, a requisite of the page");
        assertEquals(base + SecureSite.PAGE, page.target());
        assertEquals("127.0.0.1", page.header("WARC-IP-Address"));
        assertEquals("127.0.0.1", image.header("WARC-IP-Address"));

        String head = new String(page.block(), StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("HTTP/1.1 200 OK\r\n"), head);
        assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\ncontent-encoding: gzip\r\n"), head);
        assertArrayEquals(SecureSite.PAGE_BYTES, page.payload(), "the payload as transferred: gzip kept");
        assertArrayEquals(SecureSite.HTML, page.decoded());
        assertArrayEquals(SecureSite.IMAGE_BYTES, image.payload());
        assertEquals("sha1:" + CaptureWarcTest.base32Sha1(SecureSite.PAGE_BYTES), page.header("WARC-Payload-Digest"));
        assertEquals("sha1:" + CaptureWarcTest.base32Sha1(page.block()), page.header("WARC-Block-Digest"));

        ArchivedRecord request = requestOf(crawl, page);
        assertEquals(base + SecureSite.PAGE, request.target());
        String sent = new String(request.block(), StandardCharsets.ISO_8859_1);
        assertTrue(sent.startsWith("GET /page.html HTTP/1.1\r\nHost: secure.example:" + site.port() + "\r\n"), sent);
        assertEquals(List.of(SecureSite.HOST, SecureSite.HOST), site.serverNames().subList(served, served + 2),
                "SNI names the host even when the certificate is not checked");
    }

    @Test
    void throughAProxyHttpsGoesThroughACONNECTTunnel() throws Exception {
        int served = site.serverNames().size();
        int proxied = proxy.requestLines().size();
        URI seed = URI.create("https://secure.example" + SecureSite.PAGE);
        CrawlConfig config = CrawlConfig.builder(seed).proxy(proxy.address()).delayMillis(0).obeyRobots(false)
                .resolver(host -> {
                    throw new UnknownHostException(host); // only the proxy knows secure.example
                })
                .checkCertificates(false).build();
        FixtureCrawl crawl = FixtureCrawl.run(config, dir, PayloadHistory.NONE);

        assertEquals(List.of(), crawl.summary.failures());
        assertEquals(List.of("CONNECT secure.example:443 HTTP/1.1"),
                proxy.requestLines().subList(proxied, proxy.requestLines().size()),
                "one tunnel, kept alive, carries both fetches (page, image); never an absolute-form GET");
        assertEquals(1, crawl.summary.connections());
        assertTrue(WarcValidation.jwarcValidates(crawl.warc), "jwarc ValidateTool rejects " + crawl.warc);
        ArchivedRecord page = crawl.responseFor(seed);
        ArchivedRecord image = crawl.responseFor(URI.create("https://secure.example" + SecureSite.IMAGE));
        assertNotNull(page);
        assertNotNull(image);
        assertEquals(seed.toString(), page.target());
        assertEquals("https://secure.example" + SecureSite.IMAGE, image.target());
        assertNull(page.header("WARC-IP-Address"), "no server address is known through a proxy");
        assertNull(image.header("WARC-IP-Address"));
        assertArrayEquals(SecureSite.PAGE_BYTES, page.payload());
        assertArrayEquals(SecureSite.IMAGE_BYTES, image.payload());
        String sent = new String(requestOf(crawl, page).block(), StandardCharsets.ISO_8859_1);
        assertTrue(sent.startsWith("GET /page.html HTTP/1.1\r\nHost: secure.example\r\n"),
                "inside the tunnel the request is origin-form: " + sent);
        assertEquals(List.of(SecureSite.HOST, SecureSite.HOST), site.serverNames().subList(served, served + 2));
    }

    @Test
    void aTrustedCertificateIsCheckedAgainstTheHostName() throws Exception {
        javax.net.ssl.SSLContext trust = site.trustingContext();
        FixtureCrawl trusted = FixtureCrawl.run(direct(c -> c.tlsContext(trust)).build(), dir, PayloadHistory.NONE);
        assertEquals(List.of(), trusted.summary.failures());
        assertEquals(1, trusted.summary.pages(), "page captured with the certificate checked");
        assertEquals(1, trusted.summary.resources(), "and its image");

        CrawlConfig otherName = CrawlConfig.builder(URI.create("https://other.example:" + site.port() + SecureSite.PAGE))
                .delayMillis(0).obeyRobots(false).tlsContext(trust)
                .resolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build();
        FixtureCrawl wrongHost = FixtureCrawl.run(otherName, dir, PayloadHistory.NONE);
        assertTrue(wrongHost.summary.captured().isEmpty());
        String reason = wrongHost.summary.failures().get(0).reason();
        assertTrue(reason.contains("certificate of other.example:" + site.port() + " not accepted")
                && reason.contains("other.example"), reason);
    }

    /** A direct crawl of the page, secure.example resolved to loopback, robots.txt not asked for. */
    private static CrawlConfig.Builder direct(java.util.function.Consumer<CrawlConfig.Builder> adjust) {
        CrawlConfig.Builder config = CrawlConfig.builder(URI.create("https://secure.example:" + site.port() + SecureSite.PAGE))
                .delayMillis(0).obeyRobots(false)
                .resolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()});
        adjust.accept(config);
        return config;
    }

    private static ArchivedRecord requestOf(FixtureCrawl crawl, ArchivedRecord response) {
        return crawl.records.stream().filter(r -> r.type().equals("request")
                && response.header("WARC-Record-ID").equals(r.header("WARC-Concurrent-To"))).findFirst().orElseThrow();
    }
}
