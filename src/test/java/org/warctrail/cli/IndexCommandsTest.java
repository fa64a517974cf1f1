package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** import, cdx, reindex and search as a user runs them (with Main's one-line error handling). */
class IndexCommandsTest {
    static final Path REAL = Path.of("src/test/resources/real-warcs");

    record Run(int code, String out, String err) {
    }

    static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(command);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("warctrail: " + ex.getMessage());
            return 1;
        });
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void importThenCdxThenReindex(@TempDir Path store) throws Exception {
        Run imported = run(new ImportCommand(), "--store", store.toString(), "--json",
                REAL.resolve("warcio/example.warc.gz").toString(), REAL.resolve("warcio/bad.arc").toString());
        assertEquals(0, imported.code(), imported.err());
        JsonNode json = new ObjectMapper().readTree(imported.out());
        assertEquals(3, json.get("captures").asLong());
        assertEquals(3, json.get("badRecords").asLong());
        assertEquals(134, json.get("files").get(1).get("badRecords").get(1).get("offset").asLong());
        assertTrue(imported.err().contains("bad record at offset 0"), imported.err());

        Run cdxj = run(new CdxCommand(), "--store", store.toString(), "http://example.com/");
        assertEquals(3, cdxj.out().lines().count(), cdxj.out());
        assertTrue(cdxj.out().contains("\"mime\": \"warc/revisit\""));
        Run cdx = run(new CdxCommand(), "--store", store.toString(), "--format", "cdx", "--match", "domain", "example.com");
        List<String> lines = cdx.out().lines().toList();
        assertEquals(" CDX N b a m s k r M S V g", lines.get(0));
        assertEquals(4, lines.size());

        Run reindex = run(new ReindexCommand(), "--store", store.toString());
        assertEquals(0, reindex.code(), reindex.err());
        assertEquals(cdxj.out(), run(new CdxCommand(), "--store", store.toString(), "http://example.com/").out());

        Run again = run(new ImportCommand(), "--store", store.toString(), REAL.resolve("warcio/example.warc.gz").toString());
        assertTrue(again.out().contains("already in the store"), again.out());
    }

    @Test
    void badInputGivesOneLineAndNonZero(@TempDir Path store) {
        Run missing = run(new ImportCommand(), "--store", store.toString(), store.resolve("missing.warc").toString());
        assertNotEquals(0, missing.code());
        assertEquals(1, missing.err().lines().count(), missing.err());
        Run match = run(new CdxCommand(), "--store", store.toString(), "--match", "fuzzy", "example.com");
        assertNotEquals(0, match.code());
        assertTrue(match.err().contains("matchType must be exact, prefix, host or domain"), match.err());
    }

    @Test
    void searchPrintsTheJsonTheDesignNames(@TempDir Path store) throws Exception {
        run(new ImportCommand(), "--store", store.toString(), REAL.resolve("warcio/example.warc.gz").toString());
        Run search = run(new SearchCommand(), "--store", store.toString(), "--json", "\"unbalanced");
        assertEquals(0, search.code(), search.err());
        JsonNode json = new ObjectMapper().readTree(search.out());
        assertEquals(List.of("query", "total", "totalIsLowerBound", "results"), iterable(json.fieldNames()));
        assertFalse(json.get("totalIsLowerBound").asBoolean());
        assertEquals("\"unbalanced", json.get("query").asText());
    }

    private static List<String> iterable(java.util.Iterator<String> it) {
        List<String> out = new java.util.ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
