package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code extract DIR} names the directory in its one-line error (it said only "Is a directory"). */
@Timeout(60)
class ExtractDirectoryTest {
    @Test
    void aDirectoryIsNamedInTheError(@TempDir Path dir) {
        CommandRun run = CommandRun.of("extract", dir.toString());
        assertEquals(1, run.exit(), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("warctrail: " + dir + " is a directory"), run.err());
    }
}
