package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;

/**
 * A full disk is named as such (not SQLite's "cannot commit - no transaction is active"), the import stops there
 * with its summary, and the summary's counts are what the index holds. SQLite's page limit stands in for the disk.
 */
@Timeout(120)
class FullDiskTest {
    @Test
    void aFullDiskStopsTheImportAndSaysSo(@TempDir Path store) throws Exception {
        List<Path> files = RealWarcsImportTest.realFiles();
        List<String> notices = new ArrayList<>();
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            archive.importFiles(List.of(files.get(0)), ImportOptions.COPY, ImportListener.NONE);
            archive.index().connections().write(c -> {
                try (Statement st = c.createStatement()) {
                    // migrations leave free pages a write would reuse: fill them, so the next page is past the limit
                    st.execute("CREATE TABLE filler (x BLOB)");
                    st.execute("INSERT INTO filler SELECT zeroblob((SELECT freelist_count FROM pragma_freelist_count()) "
                            + "* (SELECT page_size FROM pragma_page_size()))");
                    c.commit();
                    st.execute("PRAGMA max_page_count = " + pageCount(c));
                }
                return null;
            });
            ImportResult result = archive.importFiles(files.subList(1, files.size()), ImportOptions.COPY,
                    new ImportListener() {
                        @Override
                        public void notice(String message) {
                            notices.add(message);
                        }
                    });
            assertTrue(result.diskFull(), result.toString());
            BadRecord last = result.files().get(result.files().size() - 1).report().badRecords().get(0);
            assertTrue(last.reason().startsWith("the disk is full"), last.reason());
            assertFalse(last.reason().contains("no transaction is active"), last.reason());
            assertTrue(notices.stream().anyMatch(n -> n.startsWith("the disk is full: the import stops")), notices.toString());
            assertTrue(result.files().size() < files.size() - 1, "stopped early");
            // the summary counts what the index holds: all of it but the first file's one capture (bad.arc)
            assertEquals(archive.index().stats().captures() - 1, result.captures());
        }
    }

    private static long pageCount(java.sql.Connection c) throws java.sql.SQLException {
        try (Statement st = c.createStatement(); var rs = st.executeQuery("PRAGMA page_count")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
