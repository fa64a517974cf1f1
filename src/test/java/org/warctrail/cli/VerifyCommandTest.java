package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.cli.IndexCommandsTest.Run;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.FileVerification;
import org.warctrail.index.SiteRecords;
import org.warctrail.index.VerificationsTable;

/** {@code verify} of a store: intact as written, then one flipped byte, then an index row that lies. */
class VerifyCommandTest {
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
    void anIntactStorePassesAndOneFlippedByteNamesItsFileOffsetAndUrl() throws Exception {
        Run intact = IndexCommandsTest.run(new VerifyCommand(), "--store", store.toString());
        assertEquals(0, intact.code(), intact.out() + intact.err());
        // warcinfo, then request and response (or revisit) for each of the site's 8 captures
        assertTrue(intact.out().matches("(?s)1 WARC file\\(s\\), 17 records, \\d+ bytes: intact\\n"), intact.out());

        CaptureRow page = firstCapture(SiteRecords.PAGE);
        flipByte(store.resolve("warcs").resolve(page.file()), page.offset() + page.length() / 2);

        Run damaged = IndexCommandsTest.run(new VerifyCommand(), "--store", store.toString());
        assertEquals(1, damaged.code(), damaged.out() + damaged.err());
        String expected = "damaged: " + page.file() + " offset " + page.offset() + " (" + SiteRecords.PAGE + "): ";
        assertTrue(damaged.out().startsWith(expected), damaged.out());
        assertTrue(damaged.out().contains("gzip member at offset " + page.offset()), damaged.out());
        assertTrue(damaged.out().endsWith(": 1 damaged\n"), damaged.out());

        Run json = IndexCommandsTest.run(new VerifyCommand(), "--store", store.toString(), "--json");
        assertEquals(1, json.code());
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertEquals(1, report.get("damage").size(), json.out());
        JsonNode damage = report.get("damage").get(0);
        assertEquals(page.file(), damage.get("file").asText());
        assertEquals(page.offset(), damage.get("offset").asLong());
        assertEquals(SiteRecords.PAGE, damage.get("url").asText());
        assertEquals(17, report.get("records").asInt());
        assertTrue(!report.get("intact").asBoolean());

        // the last verification of each file is kept for serve
        try (Archive archive = Archives.openForReading(store, m -> { })) {
            List<FileVerification> files = new VerificationsTable(archive.index()).list();
            assertEquals(1, files.size());
            assertEquals(1, files.get(0).damaged());
            assertTrue(files.get(0).firstProblem().contains(page.file() + " offset " + page.offset()),
                    files.get(0).firstProblem());
        }
    }

    @Test
    void anIndexRowThatDoesNotMatchItsRecordIsDamageToo() throws Exception {
        CaptureRow css = firstCapture(SiteRecords.CSS);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + store.resolve("index.sqlite"));
             PreparedStatement st = c.prepareStatement("UPDATE captures SET length = length + 7 WHERE id = ?")) {
            st.setLong(1, css.id());
            assertEquals(1, st.executeUpdate());
        }
        Run run = IndexCommandsTest.run(new VerifyCommand(), "--store", store.toString());
        assertEquals(1, run.code(), run.out() + run.err());
        assertTrue(run.out().startsWith("damaged: " + css.file() + " offset " + css.offset() + " (" + SiteRecords.CSS
                + "): the index gives the record " + (css.length() + 7) + " bytes, it takes " + css.length()), run.out());
        try (Archive archive = Archives.openForReading(store, m -> { })) {
            FileVerification file = new VerificationsTable(archive.index()).list().get(0);
            assertEquals(1, file.damaged());
            assertEquals(17, file.records());
        }
    }

    @Test
    void aStoreVerifiedIntactRecordsNoProblem() throws Exception {
        assertEquals(0, IndexCommandsTest.run(new VerifyCommand(), "--store", store.toString()).code());
        try (Archive archive = Archives.openForReading(store, m -> { })) {
            VerificationsTable table = new VerificationsTable(archive.index());
            FileVerification file = table.list().get(0);
            assertTrue(file.intact());
            assertNull(file.firstProblem());
            assertEquals(0, table.summary().orElseThrow().damagedFiles());
        }
    }

    @Test
    void exportSignsWithTheStoresKeyAndVerifyChecksThePackage() throws Exception {
        Path wacz = dir.resolve("signed.wacz");
        Run export = IndexCommandsTest.run(new ExportCommand(), "--store", store.toString(), "--wacz", wacz.toString(),
                "--sign", "--json", SiteRecords.PAGE);
        assertEquals(0, export.code(), export.err());
        String publicKey = new ObjectMapper().readTree(export.out()).get("publicKey").asText();
        assertTrue(publicKey.startsWith("MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE"),
                "a P-256 SubjectPublicKeyInfo: " + publicKey);

        Run verified = IndexCommandsTest.run(new VerifyCommand(), wacz.toString());
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().matches("(?s).*: \\d+ resources, signed by public key "
                + java.util.regex.Pattern.quote(publicKey)
                + " on \\d{4}-\\d\\d-\\d\\dT[0-9:]+Z: intact\n"), verified.out());

        long size = java.nio.file.Files.size(wacz);
        flipByte(wacz, size / 3);
        Run rejected = IndexCommandsTest.run(new VerifyCommand(), "--json", wacz.toString());
        assertEquals(1, rejected.code(), rejected.out() + rejected.err());
        JsonNode report = new ObjectMapper().readTree(rejected.out());
        assertTrue(!report.get("intact").asBoolean());
        assertTrue(report.get("problems").size() > 0, rejected.out());
    }

    private CaptureRow firstCapture(String url) throws IOException {
        try (Archive archive = Archives.openForReading(store, m -> { })) {
            return archive.index().captures(url).get(0);
        }
    }

    static void flipByte(Path file, long at) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0x01);
        }
    }
}
