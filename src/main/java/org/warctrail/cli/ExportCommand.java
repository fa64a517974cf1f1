package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.capture.TimestampClient;
import org.warctrail.export.CapturedRequisites;
import org.warctrail.export.ExportProvenance;
import org.warctrail.export.ProvenanceEvidence;
import org.warctrail.export.SigningKey;
import org.warctrail.export.WaczExporter;
import org.warctrail.export.WaczSummary;
import org.warctrail.extract.HtmlLinkFinder;
import org.warctrail.index.CaptureIndex;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code export --wacz FILE [--with-sources] [--sign | --key FILE] [--tsa URL] [URL...]}: a WACZ package that
 * ReplayWeb.page and pywb open, signed (and timestamped) on request.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a WACZ package (WARCs, CDXJ index, pages, provenance) of the store, or of some pages "
                + "and what they need to replay.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--wacz", paramLabel = "FILE", required = true, description = "The WACZ file to write.")
    Path wacz;

    @Option(names = "--with-sources",
            description = "Also export every page the pages' provenance chains reach (with URLs only).")
    boolean withSources;

    @Option(names = "--sign", description = "Sign the package (WACZ Signing and Verification, anonymous profile, "
            + "ECDSA P-256) with the store's key, made on first use as signing-key.pem in the store.")
    boolean sign;

    @Option(names = "--key", paramLabel = "FILE",
            description = "Sign with this ECDSA P-256 private key (PKCS#8 PEM, readable by its owner only) instead.")
    Path key;

    @Option(names = "--tsa", paramLabel = "URL",
            description = "Have the signature timestamped (RFC 3161) by this time-stamping authority.")
    URI tsa;

    @Option(names = "--json", description = "Report what was written as JSON.")
    boolean json;

    @Parameters(paramLabel = "URL", arity = "0..*",
            description = "Pages to export, with their requisites; none for the whole store.")
    List<String> urls = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private static final Duration TSA_TIMEOUT = Duration.ofSeconds(30);

    /** The provenance stage: chain walks for --with-sources and the evidence packed beside the pages. */
    private Function<CaptureIndex, ExportProvenance> provenance = ProvenanceEvidence::new;

    /** Replaces the provenance stage (tests pass a fixed one). */
    public ExportCommand withProvenance(Function<CaptureIndex, ExportProvenance> provenance) {
        this.provenance = provenance;
        return this;
    }

    @Override
    public Integer call() throws Exception {
        if (withSources && urls.isEmpty()) {
            throw new IllegalArgumentException("--with-sources needs the URLs of the pages whose sources to export");
        }
        if (withSources && provenance == null) {
            throw new IllegalStateException("--with-sources needs the provenance stage, which this build does not include");
        }
        if (tsa != null && !sign && key == null) {
            throw new IllegalArgumentException("--tsa timestamps a signature: add --sign");
        }
        if (Files.isDirectory(wacz)) throw new IllegalArgumentException("--wacz names a directory: " + wacz);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Archive archive = Archives.open(store.dir(), m -> err.println("warctrail: " + m))) {
            WaczExporter exporter = new WaczExporter(archive.store(), archive.index())
                    .requisites(new CapturedRequisites(archive.store(), new HtmlLinkFinder()));
            if (provenance != null) {
                ExportProvenance stage = provenance.apply(archive.index());
                List<String> pages = List.copyOf(urls);
                exporter.sources(stage::reached).provenance(() -> stage.document(pages));
            }
            SigningKey signingKey = null;
            if (sign || key != null) {
                signingKey = key != null ? SigningKey.load(key) : SigningKey.ofStore(archive.store().dir());
                exporter.signWith(signingKey);
                if (tsa != null) exporter.timestampWith(new TimestampClient(tsa, TSA_TIMEOUT)::reply);
            }
            WaczSummary summary = exporter.export(wacz, urls, withSources);
            for (String notice : summary.notices()) err.println("warctrail: " + notice);
            if (json) {
                Map<String, Object> report = toJson(summary);
                report.put("publicKey", signingKey == null ? null : signingKey.publicKeyBase64());
                out.println(new ObjectMapper().writeValueAsString(report));
            } else {
                out.printf("%s: %d captures in %d WARC file(s), %d page(s), %d bytes%n", summary.file(),
                        summary.captures(), summary.warcs().size(), summary.pages(), summary.bytes());
                for (String url : summary.notArchived()) out.println("not archived: " + url);
                if (signingKey != null) out.println("signed with public key " + signingKey.publicKeyBase64());
            }
            out.flush();
            return 0;
        }
    }

    private static Map<String, Object> toJson(WaczSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", s.file().toString());
        m.put("warcs", s.warcs());
        m.put("captures", s.captures());
        m.put("pages", s.pages());
        m.put("bytes", s.bytes());
        m.put("notArchived", s.notArchived());
        m.put("notices", s.notices());
        return m;
    }
}
