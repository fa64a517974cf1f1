package org.warctrail.provenance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warctrail.extract.Link;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.CapturedLinks;
import org.warctrail.index.ProvenanceQueries;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoredReuse;
import org.warctrail.index.UrlNode;

/**
 * {@link ProvenanceGraph} over the index: captures, documents, links and the reuse tables. A read: reuse into a
 * document not derived yet is detected in memory against the stored band keys, and not kept.
 */
final class IndexedProvenanceGraph implements ProvenanceGraph {
    private final ProvenanceQueries queries;
    private final ReuseTables reuse;

    public IndexedProvenanceGraph(ProvenanceQueries queries, ReuseTables reuse) {
        this.queries = queries;
        this.reuse = reuse;
    }

    @Override
    public ChainNode node(String url) {
        UrlNode n = queries.node(url);
        if (!n.archived()) {
            return n.lastStatus() == null ? ChainNode.unarchived(url) : ChainNode.failed(url, n.lastStatus(), n.lastAttempt());
        }
        return new ChainNode(n.url(), n.title(), n.siteName() != null ? n.siteName() : UrlKey.site(n.url()),
                n.published(), true, n.firstCapture(), n.lastCapture(), n.lastStatus(), n.lastAttempt());
    }

    @Override
    public List<ChainEdge> edges(String url, String timestamp) {
        Optional<CapturedLinks> captured = queries.links(url, timestamp);
        if (captured.isEmpty()) return List.of();
        CaptureRow row = captured.get().capture();
        List<ChainEdge> edges = new ArrayList<>();
        if (row.redirect() != null && row.status() >= 300 && row.status() < 400) {
            edges.add(ChainEdge.redirect(row.url(), row.redirect(), row.status()));
        }
        captured.get().links().forEach(l -> edges.add(new ChainEdge(row.url(), l.url(), l.kind().label(), l.text(),
                l.context(), null, null)));
        return edges;
    }

    @Override
    public List<Link> links(String url, String timestamp) {
        return queries.links(url, timestamp).map(CapturedLinks::links).orElse(List.of());
    }

    @Override
    public List<TextVersion> texts(String url) {
        return queries.documents(url).stream().filter(d -> !d.text().isBlank())
                .map(d -> new TextVersion(d.timestamp(), d.text())).toList();
    }

    /** One edge per source page (the largest reuse when several captures of either matched). */
    @Override
    public List<ChainEdge> reuseSources(String url) {
        Map<String, ChainEdge> bySource = new HashMap<>();
        List<ChainEdge> edges = new ArrayList<>();
        List<StoredReuse> found = new ArrayList<>(reuse.reuseInto(url));
        found.addAll(underivedReuseInto(url));
        for (StoredReuse r : found) {
            String key = UrlKey.of(r.sourceUrl());
            if (bySource.containsKey(key)) continue;
            String targetText = reuse.document(r.targetId()).map(d -> d.text()).orElse(null);
            ChainEdge edge = ChainEdge.reuse(ReuseIndexing.reuse(r), targetText);
            bySource.put(key, edge);
            edges.add(edge);
        }
        return edges;
    }

    /** Reuse into the URL's documents still pending derivation, detected now (most words first). */
    private List<StoredReuse> underivedReuseInto(String url) {
        List<CandidateDocument> pending = reuse.underivedDocuments(url);
        if (pending.isEmpty()) return List.of();
        IndexedReuseStore store = new IndexedReuseStore(reuse);
        ReuseDetector detector = new ReuseDetector(store, store);
        List<StoredReuse> out = new ArrayList<>();
        for (CandidateDocument d : pending) {
            for (Reuse r : detector.detect(IndexedReuseStore.reuseDocument(d))) {
                if (r.targetId() == d.id()) out.add(ReuseIndexing.stored(r));
            }
        }
        out.sort(java.util.Comparator.comparingInt(StoredReuse::words).reversed());
        return out;
    }
}
