package org.warctrail.web;

import io.javalin.http.Context;
import java.time.Instant;
import org.warctrail.provenance.ChainWalker;
import org.warctrail.report.ProvenanceReport;
import org.warctrail.report.ReportBuilder;
import org.warctrail.report.ReportHtml;

/**
 * {@code GET /report?url=&at=&depth=}: the citable provenance report of a page, the file {@code report} writes,
 * served as a download. Its Robust Links point into this server as the client named it; its own policy allows its
 * inline style (by hash) and nothing else.
 */
public final class ReportPage {
    private final ReportBuilder reports;

    ReportPage(ReportBuilder reports) {
        this.reports = reports;
    }

    /** The report's link on the provenance and trace pages. */
    public static String href(String url) {
        return "/report?url=" + ArchiveUrls.encode(url);
    }

    public void download(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        if (url == null) throw new IllegalArgumentException("give the URL: /report?url=...");
        String at = SearchPage.param(ctx, "at");
        int depth = SearchPage.positive(ctx.queryParam("depth"), ChainWalker.DEFAULT_DEPTH, ProvenancePage.MAX_DEPTH);
        ProvenanceReport report = reports.build(ArchivePath.target(url, null), at, depth, baseUrl(ctx), Instant.now());
        ctx.header("Content-Security-Policy", ReportHtml.contentSecurityPolicy());
        ctx.header("Content-Disposition", "attachment; filename=\"" + report.fileName() + "\"");
        ctx.contentType("text/html; charset=utf-8");
        ctx.result(ReportHtml.render(report));
    }

    /** The UI's root as the client named it: what the report's {@code data-versionurl} links start with. */
    private static String baseUrl(Context ctx) {
        String host = ctx.header("Host");
        // a Host the guard let through (any name when serving beyond loopback) that is not a plain host[:port]
        // is not put in the links
        if (host == null || !host.strip().matches("[A-Za-z0-9.-]+(:\\d+)?|\\[[0-9A-Fa-f:.]+\\](:\\d+)?")) {
            host = ctx.req().getLocalAddr() + ":" + ctx.req().getLocalPort();
        }
        return "http://" + host.strip() + "/";
    }
}
