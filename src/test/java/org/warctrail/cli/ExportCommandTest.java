package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.cli.IndexCommandsTest.Run;
import org.warctrail.export.ExportProvenance;
import org.warctrail.export.WaczExporter;
import org.warctrail.index.SiteRecords;

/** {@code export} as a user runs it. */
class ExportCommandTest {
    @TempDir
    Path dir;
    private Path store;

    @BeforeEach
    void archiveTheSite() throws IOException {
        store = dir.resolve("store");
        try (Archive archive = Archives.open(store, m -> { });
             ArchiveRecordSink sink = archive.recordSink(1 << 20, Map.of())) {
            for (List<WarcRecord> batch : SiteRecords.site()) sink.writeAll(batch);
        }
    }

    @Test
    void exportsAPageWithWhatItNeedsAndReportsIt() throws Exception {
        Path wacz = dir.resolve("out/page.wacz");
        Run run = IndexCommandsTest.run(new ExportCommand(), "--store", store.toString(), "--wacz", wacz.toString(),
                "--json", SiteRecords.PAGE, "http://missing.example/");
        assertEquals(0, run.code(), run.err());
        JsonNode json = new ObjectMapper().readTree(run.out());
        // The page twice (response, revisit), its stylesheet and image from the index's links, the stylesheet's
        // image found by the link finder in the archived CSS.
        assertEquals(5, json.get("captures").asInt(), run.out());
        assertEquals(2, json.get("pages").asInt());
        assertEquals("http://missing.example/", json.get("notArchived").get(0).asText());
        assertTrue(Files.isRegularFile(wacz));
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            assertTrue(zip.getEntry("indexes/index.idx") != null);
            assertTrue(zip.getEntry("datapackage-digest.json") != null);
        }

        Run whole = IndexCommandsTest.run(new ExportCommand(), "--store", store.toString(), "--wacz",
                dir.resolve("all.wacz").toString());
        assertEquals(0, whole.code(), whole.err());
        assertTrue(whole.out().contains("8 captures in 1 WARC file(s), 4 page(s)"), whole.out());
    }

    @Test
    void badInputIsOneLineAndNonZero() {
        Path wacz = dir.resolve("none.wacz");
        Run missing = IndexCommandsTest.run(new ExportCommand(), "--store", store.toString(), "--wacz", wacz.toString(),
                "http://nowhere.example/");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("not archived") && missing.err().contains("http://nowhere.example/"), missing.err());
        assertFalse(Files.exists(wacz));

        Run noWacz = IndexCommandsTest.run(new ExportCommand(), "--store", store.toString(), SiteRecords.PAGE);
        assertEquals(2, noWacz.code());
    }

    @Test
    void theBuiltInProvenanceStagePacksChainsAndQuotes() throws Exception {
        Path wacz = dir.resolve("evidence.wacz");
        Run run = IndexCommandsTest.run(new ExportCommand(), "--store", store.toString(), "--wacz", wacz.toString(),
                "--with-sources", SiteRecords.BLOG);
        assertEquals(0, run.code(), run.err());
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(wacz.toFile())) {
            java.util.zip.ZipEntry entry = zip.getEntry("provenance/provenance.json");
            assertTrue(entry != null, "no provenance resource");
            String json = new String(zip.getInputStream(entry).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(json.contains("\"chains\"") && json.contains(SiteRecords.BLOG), json);
        }
    }

    @Test
    void withSourcesFollowsTheChainsAndPacksTheEvidence() throws Exception {
        Path wacz = dir.resolve("sources.wacz");
        ExportCommand command = new ExportCommand().withProvenance(archive -> new ExportProvenance() {
            @Override
            public Collection<String> reached(String url) {
                return url.equals(SiteRecords.BLOG) ? List.of(SiteRecords.PAGE) : List.of();
            }

            @Override
            public Object document(List<String> urls) {
                return Map.of("chains", List.of(Map.of("root", urls.get(0), "edges", List.of())));
            }
        });
        Run run = IndexCommandsTest.run(command, "--store", store.toString(), "--wacz", wacz.toString(), "--json",
                "--with-sources", SiteRecords.BLOG);
        assertEquals(0, run.code(), run.err());
        assertEquals(3, new ObjectMapper().readTree(run.out()).get("pages").asInt(), "the blog post and the page twice");
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            JsonNode evidence = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry(WaczExporter.PROVENANCE_PATH)));
            assertEquals(SiteRecords.BLOG, evidence.at("/chains/0/root").asText());
            JsonNode datapackage = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry("datapackage.json")));
            Set<String> paths = new java.util.HashSet<>();
            datapackage.get("resources").forEach(r -> paths.add(r.get("path").asText()));
            assertTrue(paths.contains(WaczExporter.PROVENANCE_PATH), paths.toString());
        }
    }
}
