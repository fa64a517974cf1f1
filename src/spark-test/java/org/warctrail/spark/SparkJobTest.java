package org.warctrail.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.fixture.FixtureWeb;
import org.warctrail.index.UrlSummary;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.testing.ExpectedLog;

/**
 * The Spark job in local mode over the project's real WARCs (damaged ones included) and a WARC of the fixture web
 * made by {@code wget --warc-file} through the fixture proxy, against a store built by {@code import} from the
 * same files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExpectedLog("Spark in local mode warns of the loopback host name and of the native Hadoop library it lacks")
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class SparkJobTest {
    static final List<String> FIXTURE_PAGES = List.of(FixtureWeb.BLOG_POST.toString(), FixtureWeb.NEWS_ARTICLE.toString(),
            FixtureWeb.MIRROR_COPY.toString(), FixtureWeb.TRANSCRIPT_PDF.toString(), FixtureWeb.BLOG_HOME.toString(),
            FixtureWeb.IMAGE_CREDIT.toString());

    @TempDir
    static Path dir;
    SparkSession spark;
    Path input;
    Path output;
    JobSummary summary;

    @BeforeAll
    void runJob() throws Exception {
        assumeTrue(onPath("wget"), "wget is not on the PATH");
        input = Files.createDirectories(dir.resolve("input"));
        copyRealWarcs(input);
        try (FixtureWeb web = FixtureWeb.start()) {
            wget(web, input.resolve("fixture"));
        }
        output = dir.resolve("output");
        spark = LocalSpark.start();
        summary = new WarctrailJob(spark, new JobOptions(null, input.toUri().toString(), output.toString(), "json",
                WarcSplits.SPLIT_BYTES)).run();
    }

    @AfterAll
    void stop() {
        if (spark != null) spark.stop();
    }

    @Test
    void everyDocumentImportIndexesHasADocumentRow() throws IOException {
        Set<String> indexed = new HashSet<>();
        try (Archive archive = Archives.open(dir.resolve("store"), m -> { })) {
            archive.importFiles(List.of(input), ImportOptions.COPY, ImportListener.NONE);
            for (UrlSummary u : archive.index().urls(0, 10_000, true)) indexed.add(u.url());
        }
        Set<String> found = new HashSet<>(strings(table("documents").select("url")));
        assertTrue(indexed.containsAll(FIXTURE_PAGES), "import indexes the fixture pages: " + indexed);
        Set<String> missing = new HashSet<>(indexed);
        missing.removeAll(found);
        assertEquals(Set.of(), missing, "documents import indexed that the job did not write");
        assertTrue(summary.documents() >= indexed.size(), summary.line());
    }

    @Test
    void theRepostsContinuationLinkIsTyped() {
        List<Row> links = table("links").where("from = '" + FixtureWeb.BLOG_POST + "' AND kind = 'continuation'")
                .collectAsList();
        assertFalse(links.isEmpty(), "no continuation link from the repost");
        assertEquals(FixtureWeb.SHORT_LINK.toString(), links.get(0).getAs("url"));
    }

    @Test
    void theSpokesmansQuoteHasItsSpeaker() {
        List<String> speakers = strings(table("quotes").where("text LIKE '%told reporters%' OR speaker LIKE '%Thomas%'")
                .select("speaker"));
        assertTrue(speakers.stream().anyMatch(s -> s != null && s.contains("Thomas")), "speakers: " + speakers);
        List<Row> clusters = table("quote_clusters").where("speaker LIKE '%Thomas%'").collectAsList();
        assertFalse(clusters.isEmpty(), "the spokesman's quote is in no cluster across documents");
    }

    @Test
    void theRepostsReuseOfTheArticleIsFound() {
        List<Row> pairs = table("reuse").where("targetUrl = '" + FixtureWeb.BLOG_POST + "' OR sourceUrl = '"
                + FixtureWeb.BLOG_POST + "'").collectAsList();
        Set<String> others = new HashSet<>();
        for (Row r : pairs) {
            String source = r.getAs("sourceUrl");
            others.add(source.equals(FixtureWeb.BLOG_POST.toString()) ? r.getAs("targetUrl") : source);
        }
        assertTrue(others.contains(FixtureWeb.NEWS_ARTICLE.toString()) || others.contains(FixtureWeb.MIRROR_COPY.toString()),
                "reuse pairs of the repost: " + others);
    }

    @Test
    void badRecordsAreCountedPerFileAndNeverFatal() {
        List<Row> bad = table("files").where("badRecords > 0").collectAsList();
        assertFalse(bad.isEmpty(), "the damaged real WARCs report no bad record");
        assertTrue(table("errors").count() >= bad.size());
        assertTrue(summary.badRecords() > 0, summary.line());
    }

    @Test
    void revisitsPointAtTheirOriginals() {
        List<Row> revisits = table("captures").where("recordType = 'revisit'").collectAsList();
        assumeTrue(!revisits.isEmpty(), "no revisit in the inputs");
        assertTrue(revisits.stream().anyMatch(r -> r.getAs("originalFile") != null), "no revisit resolved: " + revisits);
    }

    @Test
    void importDerivedAnswersTraceAndChainAsImportDoes() throws Exception {
        Path imported = dir.resolve("imported-store");
        Path derived = dir.resolve("derived-store");
        Path fixtureWarc = input.resolve("fixture.warc.gz");
        assertEquals(0, cli("import", "--store", imported.toString(), fixtureWarc.toString()).exit());
        Path fixtureOnly = dir.resolve("fixture-output");
        new WarctrailJob(spark, new JobOptions(null, fixtureWarc.toUri().toString(), fixtureOnly.toString(), "json",
                WarcSplits.SPLIT_BYTES)).run();
        Cli load = cli("import", "--store", derived.toString(), "--derived", fixtureOnly.toString());
        assertEquals(0, load.exit(), load.err());
        assertTrue(load.out().contains(fixtureWarc.toString()), load.out());

        String quote = "a spokesman for US Central Command, told reporters at the Pentagon";
        Cli traced = cli("trace", "--store", derived.toString(), "--json", quote);
        assertEquals(0, traced.exit(), traced.err());
        assertTrue(traced.out().contains(FixtureWeb.NEWS_ARTICLE.toString()), traced.out());
        assertEquals(cli("trace", "--store", imported.toString(), "--json", quote).out(), traced.out());
        Cli chain = cli("chain", "--store", derived.toString(), "--json", FixtureWeb.BLOG_POST.toString());
        assertEquals(0, chain.exit(), chain.err());
        assertEquals(cli("chain", "--store", imported.toString(), "--json", FixtureWeb.BLOG_POST.toString()).out(),
                chain.out());
        // the derived store's CDX rows point at the WARC where the job read it, and replay from it
        Cli cdx = cli("cdx", "--store", derived.toString(), FixtureWeb.BLOG_POST.toString());
        assertTrue(cdx.out().contains(fixtureWarc.toString()), cdx.out());
    }

    @Test
    void parquetIsTheDefaultFormat() {
        Path out = dir.resolve("parquet-output");
        JobOptions options = JobOptions.parse(new String[] {"--input", input.resolve("fixture.warc.gz").toUri().toString(),
                "--output", out.toString()});
        assertEquals("parquet", options.format());
        JobSummary parquet = new WarctrailJob(spark, options).run();
        for (String table : List.of("captures", "documents", "links", "quotes", "reuse", "quote_clusters", "files")) {
            assertTrue(Files.isDirectory(out.resolve(table)), table);
        }
        Set<String> urls = new HashSet<>(strings(spark.read().parquet(out.resolve("documents").toString()).select("url")));
        assertTrue(urls.containsAll(FIXTURE_PAGES), urls.toString());
        assertTrue(parquet.documents() >= urls.size(), parquet.line());
    }

    record Cli(int exit, String out, String err) {
    }

    /** {@code warctrail args...} in this process, with what it printed. */
    static synchronized Cli cli(String... args) {
        java.io.PrintStream oldOut = System.out;
        java.io.PrintStream oldErr = System.err;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        try (java.io.PrintStream o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
             java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)) {
            System.setOut(o);
            System.setErr(e);
            int exit = org.warctrail.cli.Main.run(args);
            return new Cli(exit, out.toString(java.nio.charset.StandardCharsets.UTF_8),
                    err.toString(java.nio.charset.StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    Dataset<Row> table(String name) {
        return spark.read().json(output.resolve(name).toString());
    }

    static List<String> strings(Dataset<Row> column) {
        return column.collectAsList().stream().map(r -> r.isNullAt(0) ? null : r.getString(0)).toList();
    }

    /** The project's real WARCs (src/test/resources/real-warcs), the damaged ones among them. */
    static void copyRealWarcs(Path into) throws IOException {
        Path real = Path.of("src/test/resources/real-warcs");
        try (Stream<Path> files = Files.walk(real)) {
            for (Path f : files.filter(Files::isRegularFile).filter(p -> WarcSplits.isWarc(p.getFileName().toString()))
                    .toList()) {
                Path target = into.resolve(real.relativize(f).toString().replace('/', '-'));
                Files.copy(f, target);
            }
        }
    }

    /** The fixture pages through the fixture web as wget's proxy, into {@code base}.warc.gz. */
    static void wget(FixtureWeb web, Path base) throws IOException, InterruptedException {
        Path log = base.resolveSibling("wget.log");
        List<String> command = new java.util.ArrayList<>(List.of("wget", "--warc-file=" + base, "-e", "robots=off",
                "-e", "use_proxy=yes", "-e", "http_proxy=" + web.proxy(), "--no-verbose", "-O", "/dev/null"));
        command.addAll(FIXTURE_PAGES);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "wget did not finish");
        assertTrue(p.exitValue() == 0 || p.exitValue() == 8, "wget failed: " + Files.readString(log));
        assertTrue(Files.isRegularFile(Path.of(base + ".warc.gz")), "no WARC written: " + Files.readString(log));
    }

    static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, command))) return true;
        }
        return false;
    }
}
