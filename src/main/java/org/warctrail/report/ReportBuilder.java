package org.warctrail.report;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.warctrail.extract.Document;
import org.warctrail.extract.Quote;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoredDocuments;
import org.warctrail.index.StoredPassage;
import org.warctrail.index.StoredReuse;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainNode;
import org.warctrail.provenance.Trace;
import org.warctrail.provenance.TraceMatch;
import org.warctrail.provenance.TraceOrigin;
import org.warctrail.store.WarcStore;
import org.warctrail.versions.ArchivedVersions;

/**
 * Gathers a {@link ProvenanceReport} from the archive: what {@code chain}, {@code trace} and the versions give
 * for one capture of a page, each archived copy cited with its WARC record. A read: it never writes to the index.
 */
public final class ReportBuilder {
    static final int MAX_QUOTES = 12;
    static final int MAX_PASSAGES = 24;
    private static final DateTimeFormatter DIGITS = DateTimeFormatter.ofPattern("uuuuMMddHHmmss", Locale.ROOT);

    private final WarcStore store;
    private final CaptureIndex index;
    private final ArchiveProvenance provenance;
    private final ArchivedVersions versions;
    private final ReuseTables reuse;
    private final StoredDocuments documents;

    public ReportBuilder(WarcStore store, CaptureIndex index) {
        this.store = store;
        this.index = index;
        this.provenance = new ArchiveProvenance(index);
        this.versions = new ArchivedVersions(index);
        this.reuse = new ReuseTables(index);
        this.documents = new StoredDocuments(index);
    }

    /**
     * The report on a page at its capture nearest {@code at} (1 to 14 digits), or its latest good capture when
     * {@code at} is null.
     *
     * @param baseUrl the archive the Robust Links point into ({@code http://HOST:PORT/})
     * @throws IllegalArgumentException when the URL has no good capture, or {@code at} is no timestamp
     */
    public ProvenanceReport build(String url, String at, int depth, String baseUrl, Instant generated) {
        CaptureRow pageRow = pageCapture(url, at);
        String base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        Citations citations = new Citations(index, store, base);
        Document page = documents.of(pageRow).orElse(null);
        Chain chain = provenance.chain(pageRow.url(), pageRow.timestamp(), depth);
        ArchivedCopy pageCopy = citations.cite(pageRow);

        Map<String, ArchivedCopy> nodeCopies = new LinkedHashMap<>();
        for (ChainNode n : chain.nodes()) {
            if (!n.archived()) continue;
            CaptureRow row = n.url().equals(chain.root()) ? pageRow : nearestGood(n.url(), pageRow.timestamp());
            if (row != null) nodeCopies.put(n.url(), citations.cite(row));
        }
        List<ReportedDiscrepancy> discrepancies = new DiscrepancySources(index, citations).of(chain.root(), chain.edges());
        List<ReusedPassage> passages = passages(pageRow.url(), citations);

        List<Quote> quotes = page == null ? List.of() : distinct(page.quotes());
        List<QuoteTrail> trails = new ArrayList<>();
        for (Quote q : quotes.subList(0, Math.min(quotes.size(), MAX_QUOTES))) {
            trails.add(trail(q, citations));
        }

        VersionHistory history = new VersionHistory(versions, citations);
        List<PageVersions> pageVersions = new ArrayList<>();
        pageVersions.add(history.of(pageRow.url()));
        for (ChainNode n : chain.nodes()) {
            if (n.archived() && !n.url().equals(chain.root())) pageVersions.add(history.of(n.url()));
        }
        String title = page != null && page.title() != null && !page.title().isBlank() ? page.title() : pageRow.url();
        return new ProvenanceReport(pageRow.url(), title, pageCopy, ReportDates.display(generated),
                base, depth, chain, nodeCopies, discrepancies,
                passages, trails, Math.max(0, quotes.size() - MAX_QUOTES), pageVersions, citations.all());
    }

    private CaptureRow pageCapture(String url, String at) {
        List<CaptureRow> captures = index.captures(url);
        if (captures.isEmpty()) throw new IllegalArgumentException("not in the archive: " + url);
        if (at == null) {
            for (int i = captures.size() - 1; i >= 0; i--) {
                if (good(captures.get(i))) return captures.get(i);
            }
            throw new IllegalArgumentException("no successful capture of " + url + " (its latest, "
                    + captures.get(captures.size() - 1).timestamp() + ", answered "
                    + captures.get(captures.size() - 1).status() + ")");
        }
        if (!at.matches("\\d{1,14}")) {
            throw new IllegalArgumentException("--at takes a timestamp of 1 to 14 digits (yyyyMMddHHmmss), not: " + at);
        }
        CaptureRow row = nearestGood(url, (at + "00000101000000".substring(at.length())));
        if (row == null) throw new IllegalArgumentException("no successful capture of " + url);
        return row;
    }

    /** The good capture of a URL nearest in time to a 14-digit timestamp, or null. */
    private CaptureRow nearestGood(String url, String timestamp) {
        CaptureRow best = null;
        long bestDistance = Long.MAX_VALUE;
        for (CaptureRow row : index.captures(url)) {
            if (!good(row)) continue;
            long distance = Math.abs(seconds(row.timestamp()) - seconds(timestamp));
            if (distance < bestDistance) {
                best = row;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** A capture that preserved the page: not failed, and below 400 (a redirect is the page's answer too). */
    private static boolean good(CaptureRow row) {
        return !row.failed() && row.status() < 400;
    }

    private static long seconds(String timestamp) {
        return LocalDateTime.parse(timestamp, DIGITS).toEpochSecond(ZoneOffset.UTC);
    }

    private List<ReusedPassage> passages(String url, Citations citations) {
        List<ReusedPassage> out = new ArrayList<>();
        Map<Long, CandidateDocument> docs = new HashMap<>();
        Set<String> sources = new HashSet<>();
        for (StoredReuse r : reuse.reuseInto(url)) {
            // each capture of a source was compared: its passages are shown once, from the reuse of most words
            if (!sources.add(r.sourceUrl())) continue;
            CandidateDocument source = docs.computeIfAbsent(r.sourceId(), id -> reuse.document(id).orElse(null));
            CandidateDocument target = docs.computeIfAbsent(r.targetId(), id -> reuse.document(id).orElse(null));
            if (source == null || target == null) continue;
            ArchivedCopy copy = citations.cite(source.url(), source.timestamp()).orElse(null);
            for (StoredPassage p : r.passages()) {
                if (out.size() >= MAX_PASSAGES) return out;
                out.add(new ReusedPassage(r.sourceUrl(), copy, span(source.text(), p.sourceStart(), p.sourceEnd()),
                        span(target.text(), p.targetStart(), p.targetEnd()), p.words()));
            }
        }
        return out;
    }

    private QuoteTrail trail(Quote quote, Citations citations) {
        Trace trace = provenance.trace(quote.text());
        TraceOrigin origin = trace.origin();
        List<QuoteTrail.Match> matches = new ArrayList<>();
        for (TraceMatch m : trace.matches()) {
            boolean isOrigin = origin != null && origin.url().equals(m.url()) && origin.timestamp().equals(m.timestamp());
            matches.add(new QuoteTrail.Match(m, citations.cite(m.url(), m.timestamp()).orElse(null), isOrigin));
        }
        return new QuoteTrail(quote.text(), quote.speaker(), matches, origin == null ? null : origin.reason(),
                trace.paths(), trace.unarchived(), trace.likelyOrigin());
    }

    /** The page's quotations, each once (a pull quote repeats one). */
    private static List<Quote> distinct(List<Quote> quotes) {
        Set<String> seen = new LinkedHashSet<>();
        List<Quote> out = new ArrayList<>();
        for (Quote q : quotes) {
            if (seen.add(q.text().strip())) out.add(q);
        }
        return out;
    }

    private static String span(String text, int start, int end) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        return text.substring(s, e);
    }
}
