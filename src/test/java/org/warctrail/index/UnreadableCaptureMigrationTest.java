package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.fixture.UnreadableCaptureWarc;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;

/**
 * A store flagged before an unreadable HTTP head counted as a failed capture: its flags say the page emptied then
 * came back. The schema migration queues both captures again, and the next open derives the right flags.
 */
class UnreadableCaptureMigrationTest {
    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void flagsStoredUnderTheOldRuleAreDerivedAgain() throws Exception {
        Path store = dir.resolve("store");
        List<String> right;
        try (Archive archive = Archives.open(store, m -> { })) {
            archive.importFiles(List.of(UnreadableCaptureWarc.write(dir)), ImportOptions.IN_PLACE, ImportListener.NONE);
            right = kinds(archive);
            assertEquals(List.of("first", "failed", "substantive"), right);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("index.sqlite"));
             Statement st = c.createStatement()) {
            // what the old rule stored: the unreadable capture diffed as a page without text, and the next against it
            st.executeUpdate("UPDATE versions SET kind = 'substantive', changed = 1, substantive = 1, score = 1.0, "
                    + "summary = 'payload changed (no text extracted from the new version)' "
                    + "WHERE capture_id = (SELECT id FROM captures WHERE timestamp = '20160919100000')");
            st.executeUpdate("UPDATE versions SET previous_timestamp = '20160919100000', kind = 'substantive', "
                    + "summary = 'payload changed (no text extracted from the old version)' "
                    + "WHERE capture_id = (SELECT id FROM captures WHERE timestamp = '20160920100000')");
            for (String sql : VersionFlagsTable.UNREADABLE_IS_FAILED_MIGRATION) st.executeUpdate(sql);
        }
        try (Archive archive = Archives.openForReading(store, m -> { })) {
            assertEquals(2, archive.derivations().status().pending(), "the unreadable capture and the one after it");
        }
        try (Archive archive = Archives.open(store, m -> { })) {
            assertEquals(0, archive.derivations().status().pending());
            assertEquals(right, kinds(archive));
            VersionFlags third = new VersionFlagsTable(archive.index(), (a, b, c, d) -> null)
                    .flags(UnreadableCaptureWarc.URL).get(2);
            assertEquals("20160918100000", third.previousTimestamp());
            assertEquals("1 number changed", third.summary());
        }
    }

    private static List<String> kinds(Archive archive) {
        return new VersionFlagsTable(archive.index(), (a, b, c, d) -> null).flags(UnreadableCaptureWarc.URL).stream()
                .map(VersionFlags::kind).toList();
    }
}
