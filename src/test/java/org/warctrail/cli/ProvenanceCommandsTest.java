package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.provenance.SeedArchive;
import org.warctrail.provenance.SeedFixture;
import picocli.CommandLine;

class ProvenanceCommandsTest {
    @TempDir
    static Path dir;
    static Path store;

    @BeforeAll
    static void importSeed() throws Exception {
        store = dir.resolve("store");
        try (Archive archive = Archives.open(store, m -> { })) {
            archive.importFiles(List.of(SeedArchive.write(dir)), ImportOptions.COPY, ImportListener.NONE);
        }
    }

    record Run(int code, String out, String err) {
    }

    /** Runs a command with Main's error handling (Main registers it; this test does not depend on that). */
    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("warctrail: " + ex.getMessage());
            return 2;
        });
        cli.setExecutionExceptionHandler((ex, c, parsed) -> {
            c.getErr().println("warctrail: " + Failure.describe(ex));
            return 1;
        });
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void chainJsonHasTheSourcesAndNoMenu() throws Exception {
        Run r = run(new ChainCommand(), "--store", store.toString(), "--json", SeedFixture.BLOG);
        assertEquals(0, r.code, r.err);
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertEquals(SeedFixture.BLOG, json.get("root").asText());
        List<String> kinds = json.get("edges").findValuesAsText("kind");
        assertTrue(kinds.containsAll(List.of("continuation", "redirect", "citation", "image_credit", "reuse")), kinds.toString());
        assertTrue(kinds.stream().noneMatch(k -> k.equals("navigation") || k.equals("social") || k.equals("advert")));
        JsonNode gap = json.get("nodes").findParents("url").stream()
                .filter(n -> n.get("url").asText().equals(SeedFixture.IMAGE_SOURCE)).findFirst().orElseThrow();
        assertTrue(gap.get("archived").isBoolean() && !gap.get("archived").asBoolean());
        assertTrue(gap.get("firstCapture").isNull());
    }

    @Test
    void chainTextAndErrors() {
        Run r = run(new ChainCommand(), "--store", store.toString(), "--depth", "1", SeedFixture.BLOG);
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("--continuation--> " + SeedFixture.SHORT), r.out);
        assertTrue(r.out.contains("! " + SeedFixture.IMAGE_SOURCE + "  [NOT ARCHIVED]"), r.out);
        Run missing = run(new ChainCommand(), "--store", store.toString(), "https://example.org/never");
        assertEquals(1, missing.code);
        assertEquals("warctrail: not in the archive: https://example.org/never", missing.err.strip());
        Run bad = run(new ChainCommand(), "--store", store.toString(), "--depth", "-1", SeedFixture.BLOG);
        assertEquals(1, bad.code);
        assertTrue(bad.err.startsWith("warctrail: --depth"), bad.err);
    }

    @Test
    void traceJsonNamesTheTranscriptAsOrigin() throws Exception {
        Run r = run(new TraceCommand(), "--store", store.toString(), "--json", SeedFixture.QUOTE_AS_BLOG_PRINTS_IT);
        assertEquals(0, r.code, r.err);
        JsonNode json = new ObjectMapper().readTree(r.out);
        assertEquals(4, json.get("matches").size());
        assertEquals(SeedFixture.TRANSCRIPT, json.get("origin").get("url").asText());
        assertEquals("links", json.get("origin").get("reason").asText());
        assertTrue(json.get("unarchived").isArray());
    }

    @Test
    void traceTextWithAChangedWord() {
        Run r = run(new TraceCommand(), "--store", store.toString(),
                "the", "call", "to", "knock", "it", "off", "was", "put", "in", "place", "and", "the", "strikes", "ceased");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("0.929  20160921120000  " + SeedFixture.BLOG), r.out);
        assertTrue(r.out.contains("origin: " + SeedFixture.TRANSCRIPT), r.out);
        assertTrue(r.out.contains(SeedFixture.BLOG + " -continuation-> " + SeedFixture.SHORT + " -redirect-> "
                + SeedFixture.ARTICLE + " -citation-> " + SeedFixture.TRANSCRIPT), r.out);
        Run none = run(new TraceCommand(), "--store", store.toString(), "nothing like this was ever said");
        assertEquals(0, none.code);
        assertTrue(none.out.startsWith("no archived capture contains"), none.out);
    }
}
