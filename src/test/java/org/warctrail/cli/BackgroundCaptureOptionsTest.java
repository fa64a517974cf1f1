package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.cli.IndexCommandsTest.Run;
import org.warctrail.fixture.FixtureWeb;
import picocli.CommandLine;

/** {@code watch} and {@code serve} reach the web through a proxy as {@code capture} does; --times ends honestly. */
@Timeout(60)
class BackgroundCaptureOptionsTest {
    @Test
    void watchCapturesThroughTheProxy(@TempDir Path store) throws Exception {
        try (FixtureWeb web = FixtureWeb.start()) {
            // blog.example exists only behind the fixture's proxy
            Run run = IndexCommandsTest.run(new WatchCommand(), "--store", store.toString(), "--times", "1",
                    "--delay", "0", "--proxy", web.proxy(), "--no-check-certificate", FixtureWeb.BLOG_POST.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(web.requested(FixtureWeb.BLOG_POST), run.err());
            assertTrue(run.err().contains(FixtureWeb.BLOG_POST + " captured at "), run.err());
        }
    }

    @Test
    void theLastAttemptDoesNotPromiseARetry(@TempDir Path store) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/story";
        Run run = IndexCommandsTest.run(new WatchCommand(), "--store", store.toString(), "--times", "1", "--every", "1m",
                "--delay", "0", url);
        assertEquals(0, run.code(), run.err());
        assertFalse(run.err().contains("retrying in"), run.err());
        assertTrue(run.err().contains("not retrying: 1 of 1 attempt(s) made (--times)"), run.err());
    }

    @Test
    void serveTakesAProxyAndRefusesABadOneAtOnce(@TempDir Path store) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs("--proxy", "http://127.0.0.1:3128", "--no-check-certificate");
        assertEquals("http://127.0.0.1:3128", serve.network.proxy);
        assertTrue(serve.network.noCheckCertificate);

        Run bad = IndexCommandsTest.run(new ServeCommand(), "--store", store.toString(), "--port", "0",
                "--proxy", "127.0.0.1");
        assertEquals(1, bad.code());
        assertTrue(bad.err().strip().startsWith("warctrail: proxy must be HOST:PORT"), bad.err());
        Run badWatch = IndexCommandsTest.run(new WatchCommand(), "--store", store.toString(), "--proxy", "nope",
                "https://news.example/");
        assertEquals(1, badWatch.code());
        assertTrue(badWatch.err().strip().startsWith("warctrail: proxy must be HOST:PORT"), badWatch.err());
    }
}
