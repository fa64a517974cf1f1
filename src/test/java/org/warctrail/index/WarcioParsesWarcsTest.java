package org.warctrail.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.store.RecordLocation;
import org.warctrail.store.RotatingWarcWriter;
import org.warctrail.testing.NodeScripts;

/** warcio.js, the WARC library of Webrecorder's tools, reads what our writer writes: every record, type and digest. */
class WarcioParsesWarcsTest {
    @TempDir
    Path dir;

    @Test
    void warcioReadsEveryRecordOfOurWarcWithItsTypeUriAndDigests() throws Exception {
        NodeScripts.assumeInstalled("warcio");
        List<WarcRecord> written = new ArrayList<>();
        List<RecordLocation> locations = new ArrayList<>();
        String file;
        try (RotatingWarcWriter writer = new RotatingWarcWriter(dir, RotatingWarcWriter.DEFAULT_MAX_FILE_SIZE,
                Map.of("operator", "warctrail tests"))) {
            for (List<WarcRecord> batch : SiteRecords.site()) {
                locations.addAll(writer.writeAll(batch));
                written.addAll(batch);
            }
            file = writer.filesWritten().get(0);
        }

        String out = NodeScripts.run("warc-records.mjs", dir.resolve(file).toString());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> parsed = new ArrayList<>();
        for (String line : out.split("\n")) if (!line.isBlank()) parsed.add(json.readTree(line));

        // The warcinfo record that opens the file, then ours in order.
        assertEquals(written.size() + 1, parsed.size(), out);
        JsonNode info = parsed.get(0);
        assertEquals("warcinfo", info.get("type").asText());
        assertEquals(0, info.get("offset").asLong());
        for (int i = 0; i < written.size(); i++) {
            WarcRecord ours = written.get(i);
            JsonNode theirs = parsed.get(i + 1);
            String where = ours.type() + " " + ((WarcCaptureRecord) ours).target();
            assertEquals(ours.type(), theirs.get("type").asText(), where);
            assertEquals(((WarcCaptureRecord) ours).target(), theirs.get("targetUri").asText(), where);
            assertEquals("<" + ours.id() + ">", theirs.get("recordId").asText(), where);
            assertEquals(locations.get(i).offset(), theirs.get("offset").asLong(), where + ": offset");
            assertEquals(locations.get(i).length(), theirs.get("length").asLong(), where + ": length");
            // The digest we declared is the digest of the block warcio reads.
            String declaredBlock = ours.headers().first("WARC-Block-Digest").orElseThrow();
            assertEquals(declaredBlock, theirs.get("declaredBlockDigest").asText(), where);
            assertEquals(declaredBlock, theirs.get("blockDigest").asText(), where + ": block digest");
            if (ours.type().equals("response")) {
                String declaredPayload = ours.headers().first("WARC-Payload-Digest").orElseThrow();
                assertEquals(declaredPayload, theirs.get("payloadDigest").asText(), where + ": payload digest");
                assertEquals(ours.headers().first("WARC-Target-URI").orElseThrow(), theirs.get("targetUri").asText());
            }
            if (ours.type().equals("revisit")) {
                // No payload in a revisit: its payload digest names the response it stands for.
                assertEquals(SiteRecords.PAGE, theirs.get("refersToTargetUri").asText(), where);
                assertEquals(200, theirs.get("status").asInt(), where);
                assertEquals(0, theirs.get("payloadLength").asInt(), where);
            }
            if (ours.type().equals("request")) {
                assertNull(theirs.get("status").isNull() ? null : theirs.get("status").asText(), where);
                assertEquals(1, theirs.get("concurrentTo").size(), where);
            } else {
                assertNotNull(theirs.get("status"), where);
            }
        }
        JsonNode redirect = parsed.stream().filter(n -> n.get("targetUri").asText("").equals(SiteRecords.OLD)
                && n.get("type").asText().equals("response")).findFirst().orElseThrow();
        assertEquals(301, redirect.get("status").asInt());
    }
}
