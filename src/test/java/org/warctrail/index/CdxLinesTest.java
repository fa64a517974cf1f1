package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;

/** CDXJ as pywb's cdxj-indexer writes it for warcio's example.warc.gz, and CDX11 as OpenWayback reads it. */
class CdxLinesTest {
    @Test
    void exampleWarcGzAsPywbWritesIt(@TempDir Path store) throws IOException {
        Files.createDirectories(store.resolve("warcs"));
        Files.copy(RealWarcsImportTest.REAL.resolve("warcio/example.warc.gz"), store.resolve("warcs/example.warc.gz"));
        List<String> cdxj = new ArrayList<>();
        List<String> cdx = new ArrayList<>();
        try (Archive archive = Archives.open(store, m -> { }, DocumentExtractor.NONE)) {
            archive.index().cdx(CdxQuery.all(), row -> {
                cdxj.add(CdxLines.cdxj(row));
                cdx.add(CdxLines.cdx11(row));
            });
        }
        assertEquals(List.of(
                "com,example)/ 20170306040206 {\"url\": \"http://example.com/\", \"mime\": \"text/html\", "
                        + "\"status\": \"200\", \"digest\": \"G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK\", \"length\": \"1228\", "
                        + "\"offset\": \"784\", \"filename\": \"example.warc.gz\"}",
                "com,example)/ 20170306040348 {\"url\": \"http://example.com/\", \"mime\": \"warc/revisit\", "
                        + "\"status\": \"200\", \"digest\": \"G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK\", \"length\": \"586\", "
                        + "\"offset\": \"2621\", \"filename\": \"example.warc.gz\"}"), cdxj);
        assertEquals(" CDX N b a m s k r M S V g", CdxLines.CDX11_HEADER);
        assertEquals(List.of(
                "com,example)/ 20170306040206 http://example.com/ text/html 200 G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK - - 1228 784 example.warc.gz",
                "com,example)/ 20170306040348 http://example.com/ warc/revisit 200 G7HRM7BGOKSKMSXZAHMUQTTV53QOFSMK - - 586 2621 example.warc.gz"),
                cdx);
    }

    @Test
    void absentFieldsAreLeftOutAndJsonEscapedAsPythonDoes() {
        CaptureRow resource = new CaptureRow(1, "com,example)/caf%c3%a9", "20200101000000", "http://example.com/café\"",
                0, null, null, RecordType.RESOURCE, 10, 20, "imported/a b.warc", null, null, null, null);
        assertEquals("com,example)/caf%c3%a9 20200101000000 {\"url\": \"http://example.com/caf\\u00e9\\\"\", "
                + "\"length\": \"20\", \"offset\": \"10\", \"filename\": \"imported/a b.warc\"}", CdxLines.cdxj(resource));
        assertEquals("com,example)/caf%c3%a9 20200101000000 http://example.com/café\" - - - - - 20 10 imported/a%20b.warc",
                CdxLines.cdx11(resource));
    }
}
