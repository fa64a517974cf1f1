package org.warctrail.report;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainNode;

/**
 * What a citable provenance report says about one capture of a page: its chain of sources, the passages it
 * reused, the quotations on it traced to their origin, the versions of it and of its sources, what its copies
 * say differently, and every archived copy it cites.
 *
 * @param page          the capture the report is about
 * @param generated     when the report was made ("2026-12-02 15:40:12 UTC")
 * @param baseUrl       the archive the Robust Links point into, ending in "/"
 * @param nodeCopies    for each archived page of the chain (by URL), its capture nearest the page's
 * @param quotesOmitted quotations on the page beyond those traced
 * @param copies        every archived copy cited, in the order of their numbers
 */
public record ProvenanceReport(String url, String title, ArchivedCopy page, String generated, String baseUrl,
                               int depth, Chain chain, Map<String, ArchivedCopy> nodeCopies,
                               List<ReportedDiscrepancy> discrepancies, List<ReusedPassage> passages,
                               List<QuoteTrail> quotes, int quotesOmitted, List<PageVersions> versions,
                               List<ArchivedCopy> copies) {
    public ProvenanceReport {
        nodeCopies = Map.copyOf(nodeCopies);
        discrepancies = List.copyOf(discrepancies);
        passages = List.copyOf(passages);
        quotes = List.copyOf(quotes);
        versions = List.copyOf(versions);
        copies = List.copyOf(copies);
    }

    /** The copy of a page of the chain, or null when it is not archived. */
    public ArchivedCopy copyOf(String nodeUrl) {
        return nodeCopies.get(nodeUrl);
    }

    /** The title of a page of the chain, else its URL. */
    public String label(String nodeUrl) {
        for (ChainNode n : chain.nodes()) {
            if (n.url().equals(nodeUrl) && n.title() != null && !n.title().isBlank()) return n.title();
        }
        return nodeUrl;
    }

    /**
     * A live URL as a link target: http and https only, so an odd URL from an imported WARC ({@code javascript:},
     * {@code data:}) never makes the report run or load anything; other URLs link to nothing.
     */
    public static String liveHref(String url) {
        if (url == null) return "#";
        boolean web = url.regionMatches(true, 0, "http://", 0, 7) || url.regionMatches(true, 0, "https://", 0, 8);
        return web ? url : "#";
    }

    /** The archive's capture form for a URL, filled in: where a reader of the report can preserve a missing source. */
    public String captureHref(String url) {
        return baseUrl + "capture?url=" + java.net.URLEncoder.encode(url, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A share of a text as a percentage: "41%". */
    public static String percent(double share) {
        return Math.round(share * 100) + "%";
    }

    /** "2026-12-02 15:40:12 UTC" of a 14-digit timestamp. */
    public static String date(String timestamp) {
        return ReportDates.display(timestamp);
    }

    /** The file name to save the report as: {@code warctrail-report-HOST-TIMESTAMP.html}. */
    public String fileName() {
        String host;
        try {
            host = URI.create(page.url()).getHost();
        } catch (IllegalArgumentException e) {
            host = null;
        }
        String safe = (host == null ? "page" : host).replaceAll("[^A-Za-z0-9.-]", "_");
        return "warctrail-report-" + safe + "-" + page.timestamp() + ".html";
    }
}
