package org.warctrail.export;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warctrail.extract.Document;
import org.warctrail.extract.Quote;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.StoredDocuments;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainNode;
import org.warctrail.provenance.ChainWalker;

/**
 * The provenance stage as an export sees it: the pages a chain reaches (for {@code --with-sources}) and the
 * evidence packed beside the pages, so that a WACZ handed to a colleague carries it: each page's chain (sources,
 * redirects and text reuse with its shares) and the quotes of each page with their speakers.
 */
public final class ProvenanceEvidence implements ExportProvenance {
    private final CaptureIndex index;
    private final ArchiveProvenance provenance;

    public ProvenanceEvidence(CaptureIndex index) {
        this.index = index;
        this.provenance = new ArchiveProvenance(index);
    }

    @Override
    public Collection<String> reached(String url) {
        return provenance.chain(url, ChainWalker.DEFAULT_DEPTH).nodes().stream()
                .filter(ChainNode::archived).map(ChainNode::url).toList();
    }

    @Override
    public Object document(List<String> urls) {
        if (urls.isEmpty()) return null;
        List<Chain> chains = new ArrayList<>();
        List<Map<String, Object>> quotes = new ArrayList<>();
        StoredDocuments documents = new StoredDocuments(index);
        for (String url : urls) {
            Chain chain = provenance.chain(url, ChainWalker.DEFAULT_DEPTH);
            chains.add(chain);
            for (ChainNode node : chain.nodes()) {
                if (!node.archived()) continue;
                List<CaptureRow> captures = index.captures(node.url());
                if (captures.isEmpty()) continue;
                CaptureRow latest = captures.get(captures.size() - 1);
                Document doc = documents.of(latest).orElse(null);
                if (doc == null || doc.quotes().isEmpty()) continue;
                List<Map<String, Object>> said = new ArrayList<>();
                for (Quote q : doc.quotes()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("text", q.text());
                    m.put("speaker", q.speaker());
                    said.add(m);
                }
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("url", node.url());
                page.put("timestamp", latest.timestamp());
                page.put("quotes", said);
                quotes.add(page);
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("chains", chains);
        doc.put("quotes", quotes);
        return doc;
    }
}
