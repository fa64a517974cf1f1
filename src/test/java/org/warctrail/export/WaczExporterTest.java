package org.warctrail.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.warctrail.app.Archive;
import org.warctrail.app.ArchiveRecordSink;
import org.warctrail.app.Archives;
import org.warctrail.capture.LinkRole;
import org.warctrail.extract.HtmlLinkFinder;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.CdxQuery;
import org.warctrail.index.SiteRecords;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;
import org.warctrail.store.StoredRecord;
import org.warctrail.store.WarcStore;

class WaczExporterTest {
    @TempDir
    Path dir;
    private Archive archive;
    private final List<String> notices = new ArrayList<>();

    @BeforeEach
    void archiveTheSite() throws IOException {
        archive = Archives.open(dir.resolve("store"), notices::add);
        try (ArchiveRecordSink sink = archive.recordSink(1 << 20, Map.of())) {
            for (List<WarcRecord> batch : SiteRecords.site()) sink.writeAll(batch);
        }
    }

    @AfterEach
    void close() {
        archive.close();
    }

    @Test
    void wholeStoreExportIsAValidWaczWithTheStoreFilesByteForByte() throws Exception {
        Path target = dir.resolve("all.wacz");
        WaczSummary summary = new WaczExporter(archive.store(), archive.index()).export(target, List.of(), false);
        WaczFile wacz = new WaczFile(target);

        wacz.assertFixity();
        JsonNode dp = wacz.datapackage();
        assertEquals("data-package", dp.get("profile").asText());
        assertEquals("1.1.1", dp.get("wacz_version").asText());
        assertEquals(WaczExporter.SOFTWARE, dp.get("software").asText());
        assertTrue(dp.get("created").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
        assertFalse(dp.get("title").asText().isBlank());

        List<Path> storeFiles = archive.store().files();
        assertEquals(storeFiles.size(), wacz.archiveFiles().size());
        for (Path f : storeFiles) {
            assertArrayEquals(Files.readAllBytes(f), wacz.entries.get("archive/" + f.getFileName()),
                    "archive/" + f.getFileName() + " is the store's file unchanged");
        }
        assertEquals(archive.index().stats().captures(), summary.captures());
        assertCdxjPointsAtTheRecords(wacz, archive.index().stats().captures());

        List<JsonNode> pages = wacz.pages();
        assertEquals("json-pages-1.0", pages.get(0).get("format").asText());
        Map<String, JsonNode> byKey = pagesByUrlAndTs(pages);
        assertEquals(Set.of(SiteRecords.PAGE + " 2024-03-05T10:15:30Z", SiteRecords.PAGE + " 2024-03-06T08:00:00Z",
                SiteRecords.OTHER + " 2024-03-05T10:15:35Z", SiteRecords.BLOG + " 2024-03-05T10:15:36Z"), byKey.keySet());
        assertEquals(SiteRecords.PAGE_TITLE, byKey.get(SiteRecords.PAGE + " 2024-03-05T10:15:30Z").get("title").asText());
        assertEquals(SiteRecords.PAGE_TITLE, byKey.get(SiteRecords.PAGE + " 2024-03-06T08:00:00Z").get("title").asText(),
                "a revisit's page takes the title of the response it stands for");
        assertEquals(4, summary.pages());
    }

    @Test
    void pageExportTakesItsCapturesRequisitesRevisitedResponseAndRequests() throws Exception {
        Path target = dir.resolve("page.wacz");
        WaczSummary summary = new WaczExporter(archive.store(), archive.index())
                .requisites(linkFinder(archive.store()))
                .export(target, List.of(SiteRecords.PAGE, "http://missing.example/"), false);
        WaczFile wacz = new WaczFile(target);
        wacz.assertFixity();

        assertEquals(List.of("http://missing.example/"), summary.notArchived());
        assertEquals(List.of(SiteRecords.PAGE, SiteRecords.PAGE, SiteRecords.CSS, SiteRecords.PHOTO,
                        SiteRecords.BACKGROUND).stream().sorted().toList(),
                cdxUrls(wacz).stream().sorted().toList(), "the page twice, its stylesheet, image and the CSS's image");
        assertCdxjPointsAtTheRecords(wacz, 5);

        // Every record copied verbatim: the file opens with its warcinfo, and each capture's request came along.
        List<WarcRecord> records = new ArrayList<>();
        Path warc = extract(wacz, wacz.archiveFiles().get(0));
        List<String> types = new ArrayList<>();
        try (WarcReader reader = new WarcReader(warc)) {
            for (WarcRecord r : reader) {
                types.add(r.type());
                assertBlockDigestHolds(r);
            }
        }
        assertEquals("warcinfo", types.get(0));
        assertEquals(5, types.stream().filter("request"::equals).count(), types.toString());
        assertEquals(4, types.stream().filter("response"::equals).count(), types.toString());
        assertEquals(1, types.stream().filter("revisit"::equals).count(), types.toString());

        List<JsonNode> pages = wacz.pages();
        assertEquals(Set.of(SiteRecords.PAGE + " 2024-03-05T10:15:30Z", SiteRecords.PAGE + " 2024-03-06T08:00:00Z"),
                pagesByUrlAndTs(pages).keySet());
        assertEquals(SiteRecords.PAGE, wacz.datapackage().get("mainPageUrl").asText());
        assertFalse(wacz.entries.containsKey(WaczExporter.PROVENANCE_PATH));
    }

    @Test
    void requisitesComeFromTheIndexLinksTableWhenItHasThem() throws Exception {
        Path target = dir.resolve("links.wacz");
        List<CaptureRow> asked = new ArrayList<>();
        new WaczExporter(archive.store(), archive.index())
                .requisites(row -> {
                    asked.add(row);
                    return List.of();
                })
                .export(target, List.of(SiteRecords.PAGE), false);
        // The page's requisites are in its extracted links; the stylesheet has no document, so the finder is asked.
        assertEquals(List.of(SiteRecords.CSS), asked.stream().map(CaptureRow::url).toList());
        assertEquals(Set.of(SiteRecords.PAGE, SiteRecords.CSS, SiteRecords.PHOTO), new HashSet<>(cdxUrls(new WaczFile(target))));
    }

    @Test
    void aRedirectBringsItsTargetAsThePage() throws Exception {
        Path target = dir.resolve("old.wacz");
        new WaczExporter(archive.store(), archive.index()).requisites(linkFinder(archive.store()))
                .export(target, List.of(SiteRecords.OLD), false);
        WaczFile wacz = new WaczFile(target);
        Set<String> urls = new HashSet<>(cdxUrls(wacz));
        assertEquals(Set.of(SiteRecords.OLD, SiteRecords.PAGE, SiteRecords.CSS, SiteRecords.PHOTO, SiteRecords.BACKGROUND),
                urls);
        assertTrue(pagesByUrlAndTs(wacz.pages()).keySet().stream().allMatch(k -> k.startsWith(SiteRecords.PAGE + " ")));
    }

    @Test
    void withSourcesTheChainsPagesAndTheProvenanceTravelAlong() throws Exception {
        Path target = dir.resolve("sources.wacz");
        Map<String, Object> provenance = Map.of("chains", List.of(Map.of("root", SiteRecords.BLOG,
                "edges", List.of(Map.of("from", SiteRecords.BLOG, "to", SiteRecords.PAGE, "kind", "continuation")))));
        new WaczExporter(archive.store(), archive.index())
                .requisites(linkFinder(archive.store()))
                .sources(url -> url.equals(SiteRecords.BLOG) ? List.of(SiteRecords.PAGE) : List.of())
                .provenance(() -> provenance)
                .export(target, List.of(SiteRecords.BLOG), true);
        WaczFile wacz = new WaczFile(target);
        wacz.assertFixity();
        Set<String> urls = new HashSet<>(cdxUrls(wacz));
        assertTrue(urls.containsAll(Set.of(SiteRecords.BLOG, SiteRecords.PAGE, SiteRecords.CSS, SiteRecords.PHOTO)), urls.toString());
        assertFalse(urls.contains(SiteRecords.OTHER));
        JsonNode evidence = WaczFile.JSON.readTree(wacz.entries.get(WaczExporter.PROVENANCE_PATH));
        assertEquals("continuation", evidence.at("/chains/0/edges/0/kind").asText());
        assertEquals(SiteRecords.BLOG, wacz.datapackage().get("mainPageUrl").asText());

        // Without sources the same call takes the blog post alone.
        Path alone = dir.resolve("alone.wacz");
        new WaczExporter(archive.store(), archive.index()).requisites(linkFinder(archive.store()))
                .export(alone, List.of(SiteRecords.BLOG), false);
        assertEquals(List.of(SiteRecords.BLOG), cdxUrls(new WaczFile(alone)));
    }

    @Test
    void rawProvenanceJsonIsCheckedAndWrittenAsGiven() throws Exception {
        Path target = dir.resolve("raw.wacz");
        byte[] raw = "{\"quotes\": [{\"text\": \"at least 70\"}]}".getBytes();
        new WaczExporter(archive.store(), archive.index()).provenance(() -> raw)
                .export(target, List.of(SiteRecords.OTHER), false);
        assertArrayEquals(raw, new WaczFile(target).entries.get(WaczExporter.PROVENANCE_PATH));

        Path bad = dir.resolve("bad.wacz");
        IOException e = assertThrows(IOException.class, () -> new WaczExporter(archive.store(), archive.index())
                .provenance(() -> "{not json".getBytes()).export(bad, List.of(SiteRecords.OTHER), false));
        assertTrue(e.getMessage().contains(WaczExporter.PROVENANCE_PATH), e.getMessage());
        assertFalse(Files.exists(bad), "a failed export leaves no file");
        try (var left = Files.list(dir)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().startsWith(".wacz-")), "temporary files removed");
        }
    }

    @Test
    void importingTheWaczRestoresTheSameCaptures() throws Exception {
        Path all = dir.resolve("all.wacz");
        new WaczExporter(archive.store(), archive.index()).export(all, List.of(), false);
        Path page = dir.resolve("page.wacz");
        new WaczExporter(archive.store(), archive.index()).requisites(linkFinder(archive.store()))
                .export(page, List.of(SiteRecords.PAGE), false);

        try (Archive copy = Archives.open(dir.resolve("copy"), notices::add)) {
            ImportResult result = copy.importFiles(List.of(all), ImportOptions.COPY, ImportListener.NONE);
            assertEquals(0, result.badRecords());
            assertEquals(captures(archive.index(), null), captures(copy.index(), null));
        }
        try (Archive partial = Archives.open(dir.resolve("partial"), notices::add)) {
            partial.importFiles(List.of(page), ImportOptions.COPY, ImportListener.NONE);
            Set<String> wanted = Set.of(SiteRecords.PAGE, SiteRecords.CSS, SiteRecords.PHOTO, SiteRecords.BACKGROUND);
            assertEquals(captures(archive.index(), wanted), captures(partial.index(), null));
        }
    }

    @Test
    void otherToolsFilesGoInByteForByteAndByPage() throws Exception {
        Path real = Path.of("src/test/resources/real-warcs");
        List<Path> files = List.of(real.resolve("warcio/example.warc"), real.resolve("warcio/example.arc"),
                real.resolve("warcio/example.arc.gz"), real.resolve("warcio/example-resource.warc.gz"),
                real.resolve("warcio/post-test.warc.gz"), real.resolve("jwarc/cc.warc.gz"));
        Path all = dir.resolve("foreign.wacz");
        try (Archive foreign = Archives.open(dir.resolve("foreign"), notices::add)) {
            foreign.importFiles(files, ImportOptions.COPY, ImportListener.NONE);
            long captures = foreign.index().stats().captures();
            WaczSummary summary = new WaczExporter(foreign.store(), foreign.index()).export(all, List.of(), false);
            assertEquals(captures, summary.captures());
            WaczFile wacz = new WaczFile(all);
            wacz.assertFixity();
            assertCdxjPointsAtTheRecords(wacz, captures);
            for (Path f : foreign.store().files()) {
                assertArrayEquals(Files.readAllBytes(f), wacz.entries.get("archive/" + f.getFileName()), f.toString());
            }

            // By page: the plain WARC and the ARC files are read record by record and cut to what is needed.
            Path one = dir.resolve("example.wacz");
            WaczSummary page = new WaczExporter(foreign.store(), foreign.index())
                    .export(one, List.of("http://example.com/"), false);
            WaczFile onePage = new WaczFile(one);
            onePage.assertFixity();
            assertCdxjPointsAtTheRecords(onePage, page.captures());
            List<String> expected = new ArrayList<>();
            foreign.index().cdx(CdxQuery.exact("http://example.com/"), r -> expected.add(r.url()));
            assertEquals(expected.size(), page.captures());
            for (String name : onePage.archiveFiles()) {
                byte[] copy = onePage.entries.get(name);
                byte[] source = Files.readAllBytes(foreign.store().files().stream()
                        .filter(f -> name.endsWith("/" + f.getFileName())).findFirst().orElseThrow());
                assertTrue(copy.length <= source.length, name);
            }
        }
        try (Archive back = Archives.open(dir.resolve("back"), notices::add)) {
            ImportResult result = back.importFiles(List.of(all), ImportOptions.COPY, ImportListener.NONE);
            try (Archive foreign = Archives.open(dir.resolve("foreign"), notices::add)) {
                assertEquals(captures(foreign.index(), null), captures(back.index(), null));
            }
            assertEquals(0, result.badRecords());
        }
    }

    @Test
    void noArchivedUrlIsAnErrorAndLeavesNoFile() {
        Path target = dir.resolve("none.wacz");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new WaczExporter(archive.store(), archive.index()).export(target, List.of("http://nowhere.example/"), false));
        assertTrue(e.getMessage().contains("http://nowhere.example/"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    /** Each CDXJ line names a file of the package and the offset and length of a record with its URL and time. */
    static void assertCdxjPointsAtTheRecords(WaczFile wacz, long expected) throws Exception {
        List<String> lines = wacz.cdxj();
        assertEquals(expected, lines.size());
        assertEquals(lines.stream().sorted().toList(), lines, "CDXJ lines are sorted");
        Map<String, Path> files = new TreeMap<>();
        for (String line : lines) {
            JsonNode f = WaczFile.cdxjFields(line);
            String name = f.get("filename").asText();
            assertTrue(wacz.entries.containsKey("archive/" + name), "CDXJ names archive/" + name);
            Path file = files.computeIfAbsent(name, n -> extract(wacz, "archive/" + n));
            long offset = f.get("offset").asLong();
            long length = f.get("length").asLong();
            try (FileChannel ch = FileChannel.open(file)) {
                ch.position(offset);
                byte[] member = new byte[(int) length];
                ch.read(java.nio.ByteBuffer.wrap(member));
                try (WarcReader reader = new WarcReader(new java.io.ByteArrayInputStream(member))) {
                    WarcCaptureRecord record = (WarcCaptureRecord) reader.next().orElseThrow();
                    assertEquals(f.get("url").asText(), record.target(), line);
                    String ts = line.split(" ")[1];
                    assertEquals(ts, java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
                            .withZone(java.time.ZoneOffset.UTC).format(record.date()), line);
                    if (record instanceof WarcResponse response) {
                        assertEquals(f.get("digest").asText(), payloadSha1(response), "payload of " + line);
                    } else if (record instanceof org.netpreserve.jwarc.WarcRevisit) {
                        assertEquals("warc/revisit", f.get("mime").asText(), line);
                    }
                    assertTrue(reader.next().isEmpty(), "the range holds one record: " + line);
                }
            }
        }
    }

    private static List<String> cdxUrls(WaczFile wacz) throws Exception {
        List<String> urls = new ArrayList<>();
        for (String line : wacz.cdxj()) urls.add(WaczFile.cdxjFields(line).get("url").asText());
        return urls;
    }

    private static Map<String, JsonNode> pagesByUrlAndTs(List<JsonNode> pages) {
        Map<String, JsonNode> out = new TreeMap<>();
        for (JsonNode p : pages.subList(1, pages.size())) {
            assertTrue(p.hasNonNull("id"), p.toString());
            out.put(p.get("url").asText() + " " + p.get("ts").asText(), p);
        }
        assertEquals(pages.size() - 1, out.size(), "no page listed twice");
        return out;
    }

    /** Captures as comparable lines: what the index says, without where it lies. */
    private static List<String> captures(CaptureLookup index, Set<String> urls) {
        List<String> out = new ArrayList<>();
        index.cdx(CdxQuery.all(), r -> {
            if (urls == null || urls.contains(r.url())) {
                out.add(String.join(" ", r.surt(), r.timestamp(), r.url(), Integer.toString(r.status()), r.mime(),
                        r.digest(), r.recordType().wireName(), String.valueOf(r.recordId()), String.valueOf(r.refersToUrl())));
            }
        });
        return out.stream().sorted().toList();
    }

    private static Path extract(WaczFile wacz, String entry) {
        try {
            Path p = Files.createTempFile("wacz-test-", ".warc.gz");
            p.toFile().deleteOnExit();
            Files.write(p, wacz.entries.get(entry));
            return p;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String payloadSha1(WarcResponse response) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-1");
        try (InputStream in = Channels.newInputStream(response.http().body())) {
            md.update(in.readAllBytes());
        }
        return new WarcDigest(md).base32();
    }

    private static void assertBlockDigestHolds(WarcRecord record) throws Exception {
        if (record.headers().first("WARC-Block-Digest").isEmpty()) return;
        WarcDigest declared = new WarcDigest(record.headers().first("WARC-Block-Digest").get());
        MessageDigest md = declared.getDigester();
        try (InputStream in = Channels.newInputStream(record.body())) {
            md.update(in.readAllBytes());
        }
        assertEquals(declared, new WarcDigest(md), "block digest of " + record.type() + " " + record.id());
    }

    /** The requisites the extractor's link finder sees in an archived payload (what the CLI passes). */
    static Function<CaptureRow, Collection<String>> linkFinder(WarcStore store) {
        HtmlLinkFinder finder = new HtmlLinkFinder();
        return row -> {
            try (StoredRecord stored = store.read(row.file(), row.offset())) {
                if (!(stored.record() instanceof WarcResponse response)) return List.of();
                ByteArrayOutputStream payload = new ByteArrayOutputStream();
                try (InputStream in = Channels.newInputStream(response.http().bodyDecoded())) {
                    in.transferTo(payload);
                }
                return finder.find(URI.create(row.url()), response.http().contentType().toString(), payload.toByteArray())
                        .stream().filter(l -> l.role() == LinkRole.REQUISITE).map(l -> l.url().toString()).toList();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }
}
