package org.warctrail.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.fixture.CaseReportSites;
import org.warctrail.fixture.FixtureWeb;

/**
 * Issue 14's origin that is not in the archive: four outlets carry a patient's words and each links, next to them,
 * the case report they took them from. With the outlets alone, {@code trace} names the report as the likely origin
 * (4 of 4 pages cite it) and not the footer link they also share; once the report is captured, it is the origin.
 */
class LikelyOriginFixtureTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPORT = CaseReportSites.CASE_REPORT.toString();

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void theCaseReportAllOutletsCiteIsTheLikelyOriginUntilCapturedThenTheOrigin() throws Exception {
        Path store = dir.resolve("store");
        try (FixtureWeb web = FixtureWeb.start()) {
            List<String> capture = new ArrayList<>(List.of("capture", "--store", store.toString(), "--proxy",
                    web.proxy(), "--delay", "0", "--depth", "0"));
            CaseReportSites.OUTLETS.forEach(u -> capture.add(u.toString()));
            CommandRun outlets = CommandRun.of(capture.toArray(String[]::new));
            assertEquals(0, outlets.exit(), outlets.err());
            assertFalse(web.requested(CaseReportSites.CASE_REPORT), "the report was captured with the outlets");

            JsonNode before = trace(store);
            assertEquals(4, before.get("matches").size(), before.toPrettyString());
            assertEquals(CaseReportSites.HEALTH_DAILY.toString(), before.get("origin").get("url").asText());
            assertEquals("earliest_published", before.get("origin").get("reason").asText());
            JsonNode likely = before.get("likelyOrigin");
            assertEquals(REPORT, likely.get("url").asText(), before.toPrettyString());
            assertEquals(4, likely.get("citedBy").asInt());
            assertEquals(4, likely.get("of").asInt());
            List<String> pages = new ArrayList<>();
            likely.get("pages").forEach(p -> pages.add(p.asText()));
            assertEquals(CaseReportSites.OUTLETS.stream().map(URI::toString).toList(), pages);
            assertTrue(likely.get("lastStatus").isNull(), "never tried: " + likely);

            ProvenanceCommandsTest.Run text = ProvenanceCommandsTest.run(new TraceCommand(), "--store",
                    store.toString(), CaseReportSites.QUOTE);
            assertEquals(0, text.code(), text.err());
            assertTrue(text.out().contains("likely origin, not archived: " + REPORT
                    + " — cited next to the quote by 4 of 4 pages"), text.out());
            assertFalse(text.out().contains(CaseReportSites.FOOTER_LINK.toString()),
                    "the footer link all outlets share is not a source: " + text.out());

            CommandRun report = CommandRun.of("capture", "--store", store.toString(), "--proxy", web.proxy(),
                    "--delay", "0", "--depth", "0", REPORT);
            assertEquals(0, report.exit(), report.err());
        }
        JsonNode after = trace(store);
        assertEquals(5, after.get("matches").size(), after.toPrettyString());
        assertEquals(REPORT, after.get("origin").get("url").asText(), after.toPrettyString());
        assertEquals("links", after.get("origin").get("reason").asText());
        assertEquals(4, after.get("paths").size(), "each outlet leads to the report");
        assertTrue(after.get("likelyOrigin").isNull(), after.toPrettyString());
    }

    private static JsonNode trace(Path store) throws Exception {
        ProvenanceCommandsTest.Run run = ProvenanceCommandsTest.run(new TraceCommand(), "--store", store.toString(),
                "--json", CaseReportSites.QUOTE);
        assertEquals(0, run.code(), run.err());
        return JSON.readTree(run.out());
    }
}
