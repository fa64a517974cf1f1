package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.FixtureWeb;

/**
 * The repro: a page without text (a JavaScript shell) archived first must not stop text-reuse detection
 * for the documents after it: the blog repost and the syndicated copy still get their reuse edge, and trace works.
 */
class TextlessPageFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUOTE = "“the call to knock it off was put in place and the attacks ceased,”";

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aPageWithoutTextDoesNotStopReuseDetection() throws Exception {
        try (FixtureWeb web = FixtureWeb.start()) {
            Path store = dir.resolve("store");
            for (String url : new String[] {FixtureWeb.SCRIPT_SHELL.toString(), FixtureWeb.BLOG_POST.toString(),
                    FixtureWeb.MIRROR_COPY.toString()}) {
                CommandRun run = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(),
                        "--delay", "0", "--depth", "0", url);
                assertEquals(0, run.exit(), run.err());
                assertTrue(!run.err().contains("could not be derived"), run.err());
            }
            Set<String> reuse = new HashSet<>();
            for (String url : new String[] {FixtureWeb.BLOG_POST.toString(), FixtureWeb.MIRROR_COPY.toString()}) {
                CommandRun chain = CommandRun.of("chain", "--store", store.toString(), "--json", url);
                assertEquals(0, chain.exit(), chain.err());
                for (JsonNode e : JSON.readTree(chain.out()).get("edges")) {
                    if (e.get("kind").asText().equals("reuse")) {
                        reuse.add(e.get("from").asText() + " " + e.get("to").asText());
                    }
                }
            }
            assertTrue(reuse.contains(FixtureWeb.BLOG_POST + " " + FixtureWeb.MIRROR_COPY)
                    || reuse.contains(FixtureWeb.MIRROR_COPY + " " + FixtureWeb.BLOG_POST), reuse.toString());

            CommandRun trace = CommandRun.of("trace", "--store", store.toString(), "--json", QUOTE);
            assertEquals(0, trace.exit(), trace.err());
            Set<String> matched = new HashSet<>(JSON.readTree(trace.out()).get("matches").findValuesAsText("url"));
            assertTrue(matched.containsAll(Set.of(FixtureWeb.BLOG_POST.toString(), FixtureWeb.MIRROR_COPY.toString())),
                    matched.toString());
        }
    }
}
