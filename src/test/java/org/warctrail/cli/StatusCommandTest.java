package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.Deriver;
import org.warctrail.index.DocumentExtractor;

/**
 * {@code status} and {@code derive --retry}: failures are listed per capture with their reason, capture and import
 * say how many documents could not be derived, and a retry after the fix derives them.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StatusCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Fails on the blog post only, as a deriver with a bug for one kind of page would. */
    private static final Deriver FAILS_ON_THE_BLOG = new Deriver() {
        @Override
        public String name() {
            return "reuse";
        }

        @Override
        public Batch batch(CaptureIndex index) {
            return capture -> {
                if (capture.row().url().equals(FixtureWeb.BLOG_POST.toString())) {
                    throw new IllegalArgumentException("no shingles for you");
                }
                return Write.NOTHING;
            };
        }
    };

    @Test
    void statusListsFailuresAndDeriveRetryMendsThem() throws Exception {
        Path store = dir.resolve("store");
        try (FixtureWeb web = FixtureWeb.start()) {
            CommandRun first = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(),
                    "--delay", "0", "--depth", "0", FixtureWeb.SCRIPT_SHELL.toString());
            assertEquals(0, first.exit(), first.err());
            JsonNode clean = JSON.readTree(CommandRun.of("status", "--store", store.toString(), "--json").out());
            assertEquals(0, clean.get("pending").asInt());
            assertEquals(0, clean.get("failed").asInt());
            assertTrue(clean.get("done").asInt() >= 1, clean.toString());

            // a capture whose derivation fails, as with a deriver that has a bug
            try (Archive archive = Archive.open(store, m -> { }, DocumentExtractor.standard(),
                    List.of(FAILS_ON_THE_BLOG))) {
                archive.capture(org.warctrail.capture.CrawlConfig.builder(FixtureWeb.BLOG_POST).proxy(web.proxy())
                                .delayMillis(0).depth(0).build(), 1L << 30,
                        org.warctrail.capture.CaptureListener.NONE);
            }
            CommandRun status = CommandRun.of("status", "--store", store.toString());
            assertEquals(0, status.exit(), status.err());
            assertTrue(status.out().contains("1 failed"), status.out());
            assertTrue(status.out().contains(FixtureWeb.BLOG_POST + " (1 attempt): reuse: no shingles for you"),
                    status.out());
            JsonNode json = JSON.readTree(CommandRun.of("status", "--store", store.toString(), "--json").out());
            assertEquals(1, json.get("failed").asInt());
            JsonNode failure = json.get("failures").get(0);
            assertEquals(FixtureWeb.BLOG_POST.toString(), failure.get("url").asText());
            assertTrue(failure.get("timestamp").asText().matches("\\d{14}"), failure.toString());
            assertEquals("reuse: no shingles for you", failure.get("reason").asText());

            CommandRun again = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(),
                    "--delay", "0", "--depth", "0", FixtureWeb.MIRROR_COPY.toString());
            assertEquals(0, again.exit(), again.err());
            assertTrue(again.err().contains("1 document could not be derived: see `warctrail status`"), again.err());

            CommandRun retry = CommandRun.of("derive", "--store", store.toString(), "--retry");
            assertEquals(0, retry.exit(), retry.err());
            assertTrue(retry.out().startsWith("derived 1 capture(s), 0 failed"), retry.out());
            JsonNode mended = JSON.readTree(CommandRun.of("status", "--store", store.toString(), "--json").out());
            assertEquals(0, mended.get("failed").asInt(), mended.toString());
            assertEquals(0, mended.get("pending").asInt(), mended.toString());
        }
    }
}
