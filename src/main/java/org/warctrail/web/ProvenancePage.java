package org.warctrail.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.warctrail.index.CandidateDocument;
import org.warctrail.index.ReuseTables;
import org.warctrail.index.StoredPassage;
import org.warctrail.index.StoredReuse;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainNode;
import org.warctrail.provenance.ChainWalker;

/**
 * {@code GET /provenance?url=&depth=}: the chain from a page to its origins drawn as a graph, the passages it
 * reused side by side with their sources, and a button to capture the gaps; and its twin {@code GET /api/chain},
 * the document {@code chain --json} prints.
 */
public final class ProvenancePage {
    static final int MAX_DEPTH = 6;
    static final int MAX_PASSAGES = 12;

    private final ArchiveProvenance provenance;
    private final ReuseTables reuse;
    private final Pages pages;
    private final ServeOptions options;

    public ProvenancePage(ArchiveProvenance provenance, ReuseTables reuse, Pages pages, ServeOptions options) {
        this.provenance = provenance;
        this.reuse = reuse;
        this.pages = pages;
        this.options = options;
    }

    /** One passage the page shares with an earlier page: its words in each. */
    public record SharedPassage(String sourceUrl, String sourceHref, String sourceText, String targetText, int words) {
    }

    private static String url(Context ctx) {
        String url = SearchPage.param(ctx, "url");
        if (url == null) throw new IllegalArgumentException("give the URL: ?url=...");
        return ArchivePath.target(url, null);
    }

    private static int depth(Context ctx) {
        return SearchPage.positive(ctx.queryParam("depth"), ChainWalker.DEFAULT_DEPTH, MAX_DEPTH);
    }

    public void api(Context ctx) {
        Json.send(ctx, 200, provenance.chain(url(ctx), depth(ctx)));
    }

    public void page(Context ctx) {
        String url = url(ctx);
        int depth = depth(ctx);
        Chain chain = provenance.chain(url, depth);
        ChainNode root = chain.nodes().stream().filter(n -> n.url().equals(chain.root())).findFirst()
                .orElse(ChainNode.unarchived(url));
        pages.render(ctx, 200, "provenance", new ProvenanceView(chain, root, depth, ChainLayout.of(chain),
                passages(url), chain.gaps(), options.token() != null,
                "/api/chain?url=" + ArchiveUrls.encode(url) + "&depth=" + depth, ArchiveUrls.timeline(url)));
    }

    private List<SharedPassage> passages(String url) {
        List<SharedPassage> out = new ArrayList<>();
        for (StoredReuse r : reuse.reuseInto(url)) {
            String source = reuse.document(r.sourceId()).map(CandidateDocument::text).orElse(null);
            String target = reuse.document(r.targetId()).map(CandidateDocument::text).orElse(null);
            if (source == null || target == null) continue;
            String timestamp = reuse.document(r.sourceId()).map(CandidateDocument::timestamp).orElse(null);
            String href = timestamp == null ? null : ArchiveUrls.replay(timestamp, ReplayMode.FRAME, r.sourceUrl());
            for (StoredPassage p : r.passages()) {
                if (out.size() >= MAX_PASSAGES) return out;
                out.add(new SharedPassage(r.sourceUrl(), href, span(source, p.sourceStart(), p.sourceEnd()),
                        span(target, p.targetStart(), p.targetEnd()), p.words()));
            }
        }
        return out;
    }

    /** The replay of the source version a discrepancy quotes (for the template). */
    public static String versionHref(String timestamp, String url) {
        return ArchiveUrls.replay(timestamp, ReplayMode.FRAME, url);
    }

    private static String span(String text, int start, int end) {
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        return text.substring(s, e);
    }
}
