package org.warctrail.capture;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.fixture.WarcValidation;

/**
 * Connections are kept alive per host (directly) and per proxy or tunnel, as wget and curl keep them, while every
 * record still holds exactly the bytes of its own request and response.
 */
@Timeout(60)
class KeepAliveTest {
    @TempDir
    static Path dir;
    static FixtureWeb web;

    @BeforeAll
    static void start() throws Exception {
        web = FixtureWeb.start();
    }

    @AfterAll
    static void stop() throws Exception {
        web.close();
    }

    private static long responses(FixtureCrawl crawl) {
        return crawl.records.stream().filter(r -> r.type().equals("response")).count();
    }

    @Test
    void directCaptureOpensOneConnectionPerHost() throws Exception {
        // Direct, only the seed's host answers (the others are fictional names at port 80): the page and its
        // requisites, robots.txt and a 404 among them.
        int before = web.connections();
        FixtureCrawl crawl = FixtureCrawl.direct(web, dir, c -> c.depth(1), FixtureWeb.BLOG_POST);
        int opened = web.connections() - before;
        assertEquals(opened, crawl.summary.connections(), "the server counts what the crawler counts");
        Set<String> hosts = crawl.summary.captured().stream().map(r -> URI.create(r.url()).getHost())
                .collect(Collectors.toSet());
        assertTrue(responses(crawl) >= 8, "page, robots.txt and requisites: " + responses(crawl));
        assertEquals(hosts.size(), opened, "one connection per host for " + responses(crawl) + " responses: " + hosts);
        assertTrue(WarcValidation.jwarcValidates(crawl.warc));
    }

    @Test
    void throughAProxyPlainHttpSharesOneConnection() throws Exception {
        int before = web.connections();
        // One fetch at a time: fetches to several hosts at once each hold a connection to the proxy.
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.depth(1).threads(1),
                FixtureWeb.BLOG_POST);
        assertEquals(1, web.connections() - before, responses(crawl) + " responses");
        assertEquals(1, crawl.summary.connections());
        assertEquals(List.of(), crawl.summary.failures());
    }

    @Test
    void everyRecordHoldsOnlyItsOwnExchange() throws Exception {
        FixtureCrawl crawl = FixtureCrawl.viaProxy(web, dir, PayloadHistory.NONE, c -> c.depth(1), FixtureWeb.BLOG_POST);
        for (ArchivedRecord r : crawl.records) {
            String block = new String(r.block(), StandardCharsets.ISO_8859_1);
            if (r.type().equals("request")) {
                assertTrue(block.startsWith("GET http://") && block.endsWith("\r\n\r\n"), block);
                assertEquals(1, block.split("GET ", -1).length - 1, "one request per record: " + block);
                assertFalse(block.contains("Connection: close"), block);
            } else if (r.type().equals("response")) {
                assertTrue(block.startsWith("HTTP/1.1 "), r.target());
                assertFalse(block.contains("\r\nHTTP/1.1 "), "one response per record: " + r.target());
                // the payload the fixture sends now, byte for byte (versions do not change within the test)
                String url = r.target();
                byte[] expected = web.responseFor(URI.create(url)).content();
                assertArrayEquals(expected, r.decoded(), url);
            }
        }
    }

    @Test
    void aConnectionClosedWhileIdleIsReplacedAndTheRequestSentAgain() throws Exception {
        // A server that never says "Connection: close" but closes after every response, as servers do when their
        // idle timeout passes between two requests.
        AtomicInteger accepted = new AtomicInteger();
        List<String> requests = new CopyOnWriteArrayList<>();
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        accepted.incrementAndGet();
                        String head = readHead(s.getInputStream());
                        requests.add(head.lines().findFirst().orElse(""));
                        String path = head.split(" ")[1];
                        String body = path.equals("/") ? "<html><body><img src=\"/a.png\"><img src=\"/b.png\"></body></html>"
                                : "image " + path;
                        String type = path.equals("/") ? "text/html" : "image/png";
                        OutputStream out = s.getOutputStream();
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\nContent-Length: " + body.length()
                                + "\r\n\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
                        out.flush();
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "closing-server");
            t.setDaemon(true);
            t.start();
            URI seed = URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
            FixtureCrawl crawl = FixtureCrawl.run(CrawlConfig.builder(seed).delayMillis(0).obeyRobots(false).build(),
                    dir, PayloadHistory.NONE);
            assertEquals(List.of(), crawl.summary.failures());
            assertEquals(1, crawl.summary.pages());
            assertEquals(2, crawl.summary.resources());
            assertEquals(3, accepted.get(), requests.toString());
            assertEquals(3, crawl.summary.connections());
            assertEquals(List.of("GET / HTTP/1.1", "GET /a.png HTTP/1.1", "GET /b.png HTTP/1.1"), requests);
            assertEquals(3, responses(crawl));
            assertEquals(3, crawl.records.stream().filter(r -> r.type().equals("request")).count(),
                    "a request sent twice is recorded once, as it was answered");
        }
    }

    @Test
    void whetherAResponseLetsTheConnectionCarryAnother() {
        assertTrue(head("HTTP/1.1", Map.of()).keepsAlive());
        assertFalse(head("HTTP/1.1", Map.of("Connection", "close")).keepsAlive());
        assertFalse(head("HTTP/1.1", Map.of("Proxy-Connection", "Close")).keepsAlive());
        assertFalse(head("HTTP/1.0", Map.of()).keepsAlive());
        assertTrue(head("HTTP/1.0", Map.of("Connection", "Keep-Alive")).keepsAlive());
        assertFalse(head("HTTP/0.9", Map.of()).keepsAlive());
    }

    private static ResponseHead head(String protocol, Map<String, String> headers) {
        return new ResponseHead(200, "OK", List.copyOf(headers.entrySet()), 0, protocol);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) break;
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}
