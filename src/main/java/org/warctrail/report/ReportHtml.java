package org.warctrail.report;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * Writes a report as one self-contained HTML file (the template {@code web/templates/report.jte}): its style
 * inline, no script, nothing loaded from elsewhere, so it opens offline and prints as it shows.
 */
public final class ReportHtml {
    /** The report's style sheet, inlined as it is (its hash is what a Content-Security-Policy allows). */
    public static final String CSS = css();
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private ReportHtml() {
    }

    public static byte[] render(ProvenanceReport report) {
        Utf8ByteOutput out = new Utf8ByteOutput();
        ENGINE.render("report.jte", Map.of("report", report, "css", CSS), out);
        return out.toByteArray();
    }

    /**
     * A Content-Security-Policy under which the report shows as it prints when served: its inline style (by hash)
     * and nothing else, no script, no fetch, no form, not framed.
     */
    public static String contentSecurityPolicy() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(CSS.getBytes(StandardCharsets.UTF_8));
            return "default-src 'none'; style-src 'sha256-" + Base64.getEncoder().encodeToString(hash) + "'; "
                    + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        }
    }

    private static String css() {
        try (InputStream in = ReportHtml.class.getResourceAsStream("report.css")) {
            if (in == null) throw new IllegalStateException("report.css is missing from the classpath (org/warctrail/report)");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read org/warctrail/report/report.css", e);
        }
    }
}
