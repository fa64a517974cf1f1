package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The import summary prints whatever a file holds: a bomb is named with its reason, the others are imported. */
@Timeout(120)
class ImportSummaryTest {
    @Test
    void aBombInADirectoryIsReportedAndTheRestImported(@TempDir Path dir) throws IOException {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.copy(Path.of("src/test/resources/real-warcs/warcio/example.warc"), in.resolve("b-example.warc"));
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(in.resolve("a-zeros.warc.gz")))) {
            out.write(Files.readAllBytes(Path.of("src/test/resources/real-warcs/warcio/example.warc")));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 48; i++) out.write(zeros);
        }
        CommandRun run = CommandRun.of("import", "--store", dir.resolve("store").toString(), in.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains(in.resolve("a-zeros.warc.gz") + ": not imported: expands more than 100 times"),
                run.out());
        assertTrue(run.out().contains("imported 1 file(s) (1 could not be read): 6 records, 2 captures"), run.out());
        assertFalse(run.err().contains("Exception"), run.err());
    }
}
