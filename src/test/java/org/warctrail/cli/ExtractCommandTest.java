package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs the command through picocli as Main will once the integrator registers it. */
class ExtractCommandTest {
    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cli = new CommandLine(new ExtractCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private Path fixture() throws Exception {
        Path html = dir.resolve("repost.html");
        try (InputStream in = getClass().getResourceAsStream("/extract/repost.html")) {
            Files.copy(in, html);
        }
        return html;
    }

    @Test
    void jsonLinePerFileWithTheDesignFields() throws Exception {
        Path html = fixture();
        Path gz = dir.resolve("copy.html.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(Files.readAllBytes(html));
        }
        Run r = run("--json", "--url", "https://21stcenturywire.example/2016/09/20/revealed/", html.toString(), gz.toString());
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length);
        ObjectMapper json = new ObjectMapper();
        for (String line : lines) {
            JsonNode o = json.readTree(line);
            List<String> fields = new ArrayList<>();
            o.fieldNames().forEachRemaining(fields::add);
            assertEquals(List.of("file", "url", "title", "text", "published", "modified", "authors", "lang", "canonical",
                    "links", "quotes"), fields);
            assertEquals("2016-09-20T08:15:00Z", o.get("published").asText());
            assertTrue(o.get("modified").isNull());
            boolean continuation = false;
            for (JsonNode l : o.get("links")) {
                if (l.get("kind").asText().equals("continuation")) {
                    continuation = true;
                    assertEquals("main", l.get("place").asText());
                    assertEquals("RT", l.get("text").asText());
                }
            }
            assertTrue(continuation);
            assertTrue(o.get("quotes").toString().contains("\"speaker\":\"Thomas\""));
        }
    }

    @Test
    void readableSummaryAndMissingFile() throws Exception {
        Path html = fixture();
        Run r = run(html.toString(), dir.resolve("missing.html").toString());
        assertEquals(1, r.code());
        assertTrue(r.out().contains("continuation: https://www.rt.example/"), r.out());
        assertTrue(r.err().strip().startsWith("warctrail: no such file:"), r.err());
        assertEquals(1, r.err().strip().split("\n").length, "one line per failure");
    }
}
