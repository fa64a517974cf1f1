package org.warctrail.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.provenance.ChainWalker;
import org.warctrail.report.ProvenanceReport;
import org.warctrail.report.ReportBuilder;
import org.warctrail.report.ReportHtml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code report URL --out FILE.html [--at TIMESTAMP] [--base-url URL]}: a citable provenance report. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a citable provenance report of an archived page as one self-contained HTML file: the "
                + "chain to its sources, reused passages side by side, each quotation traced to its origin, the "
                + "versions of the page and its sources, what the copies say differently, and every archived copy "
                + "cited as a Robust Link with its WARC record and digests.")
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--out", paramLabel = "FILE.html", required = true, description = "The HTML file to write.")
    Path out;

    @Option(names = "--at", paramLabel = "TIMESTAMP",
            description = "Report on the capture nearest this time (1 to 14 digits, yyyyMMddHHmmss; default: the latest).")
    String at;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8080/",
            description = "The archive the Robust Links point into, as serve publishes it (default: ${DEFAULT-VALUE}).")
    String baseUrl;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "" + ChainWalker.DEFAULT_DEPTH,
            description = "Hops of the chain to follow; redirects do not count (default: ${DEFAULT-VALUE}).")
    int depth;

    @Parameters(paramLabel = "URL", description = "An archived page.")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (depth < 0) throw new IllegalArgumentException("--depth must not be negative: " + depth);
        String base = checkedBaseUrl(baseUrl);
        if (Files.isDirectory(out)) throw new IllegalArgumentException("--out names a directory: " + out);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProvenanceReport report;
        try (Archive archive = Archives.openForReading(store.dir(), m -> err.println("warctrail: " + m))) {
            report = new ReportBuilder(archive.store(), archive.index()).build(url, at, depth, base, Instant.now());
        }
        byte[] html = ReportHtml.render(report);
        // written beside the target and moved into place: an interrupted run leaves no half report
        Path dir = out.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = dir.resolve("." + out.getFileName() + ".partial");
        try {
            Files.write(partial, html);
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        stdout.printf("%s: %s at %s, %d page(s) in the chain, %d discrepanc%s, %d quotation(s), %d archived cop%s cited%n",
                out, report.url(), report.page().timestamp(), report.chain().nodes().size(),
                report.discrepancies().size(), report.discrepancies().size() == 1 ? "y" : "ies", report.quotes().size(),
                report.copies().size(), report.copies().size() == 1 ? "y" : "ies");
        stdout.flush();
        return 0;
    }

    /** An absolute http(s) URL, ending in "/" (the archive's root, under which {@code web/} replays). */
    static String checkedBaseUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() == null || !("http".equalsIgnoreCase(uri.getScheme())
                    || "https".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException("--base-url takes an http or https URL such as "
                        + "http://127.0.0.1:8080/, not: " + value);
            }
            return value.endsWith("/") ? value : value + "/";
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--base-url is no URL: " + value + " (" + e.getReason() + ")");
        }
    }
}
