package org.warctrail.report;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.StoredDocuments;
import org.warctrail.provenance.ChainEdge;
import org.warctrail.provenance.Discrepancy;

/**
 * Words the chain's discrepancies for the report: each found once per page and source (a repost that both reuses
 * and links to an article says the same thing twice), dated by the source's capture that says otherwise, and
 * called a correction when an earlier capture of that source did not say so (the source said something else before).
 */
final class DiscrepancySources {
    private static final int MAX_REDIRECTS = 5;

    private final CaptureIndex index;
    private final StoredDocuments documents;
    private final Citations citations;

    DiscrepancySources(CaptureIndex index, Citations citations) {
        this.index = index;
        this.documents = new StoredDocuments(index);
        this.citations = citations;
    }

    List<ReportedDiscrepancy> of(String root, List<ChainEdge> edges) {
        record Key(String from, String source, String kind, String here, String there) {
        }
        Map<Key, ReportedDiscrepancy> found = new LinkedHashMap<>();
        for (ChainEdge edge : edges) {
            for (Discrepancy d : edge.discrepancies()) {
                Optional<CaptureRow> there = d.thereVersion() == null ? Optional.empty()
                        : textCapture(edge.to(), d.thereVersion(), d.there());
                String sourceUrl = there.map(CaptureRow::url).orElse(edge.to());
                Key key = new Key(edge.from(), sourceUrl, d.kind(), d.here(), d.there());
                ReportedDiscrepancy known = found.get(key);
                if (known != null) {
                    if (!known.kinds().contains(edge.kind())) {
                        List<String> kinds = new ArrayList<>(known.kinds());
                        kinds.add(edge.kind());
                        found.put(key, new ReportedDiscrepancy(known.from(), known.to(), kinds, known.kind(),
                                known.who(), known.source(), known.here(), known.there(), known.thereCopy(),
                                known.corrected()));
                    }
                    continue;
                }
                String who = edge.from().equals(root) ? "this page" : "the page at " + host(edge.from());
                ArchivedCopy copy = there.map(citations::cite).orElse(null);
                boolean corrected = there.isPresent() && saidOtherwiseBefore(there.get(), d.there());
                found.put(key, new ReportedDiscrepancy(edge.from(), sourceUrl, List.of(edge.kind()), d.kind(), who,
                        "the source at " + host(sourceUrl), d.here(), d.there(), copy, corrected));
            }
        }
        return new ArrayList<>(found.values());
    }

    /**
     * The capture at {@code timestamp} of the page a URL leads to that says {@code there}: the URL itself, or where
     * its redirects (as captured nearest that time) end, as the chain compared their texts. Two captures in one
     * second share a timestamp: the one whose text says it is the one meant.
     */
    private Optional<CaptureRow> textCapture(String url, String timestamp, String there) {
        String at = url;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            CaptureRow found = null;
            for (CaptureRow row : index.captures(at)) {
                if (!row.timestamp().equals(timestamp) || row.failed() || row.redirect() != null) continue;
                boolean says = says(row, there);
                if (found == null || says) found = row;
                if (says) break;
            }
            if (found != null) return Optional.of(found);
            Optional<CaptureRow> nearest = index.closest(at, timestamp);
            if (nearest.isEmpty() || nearest.get().redirect() == null) return Optional.empty();
            at = nearest.get().redirect();
        }
        return Optional.empty();
    }

    /** Whether a capture before this one said otherwise: then this one is where the source's words changed. */
    private boolean saidOtherwiseBefore(CaptureRow version, String there) {
        for (CaptureRow row : index.captures(version.url())) {
            if (row.id() == version.id()) return false;
            if (!row.failed() && row.status() < 300 && documents.of(row).isPresent() && !says(row, there)) return true;
        }
        return false;
    }

    /** Whether the capture's text has the words, compared as {@code Discrepancies} reads sentences. */
    private boolean says(CaptureRow row, String words) {
        return documents.of(row).map(d -> plain(d.text()).contains(plain(words))).orElse(false);
    }

    private static String plain(String text) {
        return text.replaceAll("[“”„‟«»]", "\"").replaceAll("[‘’‚‛]", "'").replaceAll("\\s+", " ");
    }

    static String host(String url) {
        try {
            String host = URI.create(url).getHost();
            return host != null ? host : url;
        } catch (IllegalArgumentException e) {
            return url;
        }
    }
}
