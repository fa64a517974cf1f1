package org.warctrail.web;

import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import org.warctrail.index.DocumentSearch;
import org.warctrail.index.SearchOptions;
import org.warctrail.index.SearchResult;
import org.warctrail.index.SnippetText;

/**
 * {@code GET /search?q=&site=&from=&to=&page=}: ranked results with snippets, {@value #PAGE_SIZE} a page; and
 * its twin {@code GET /api/search} (same parameters, plus {@code limit}), the document {@code search --json} prints.
 */
final class SearchPage {
    static final int PAGE_SIZE = 20;
    static final int MAX_LIMIT = 200;

    private final DocumentSearch search;
    private final Pages pages;

    public SearchPage(DocumentSearch search, Pages pages) {
        this.search = search;
        this.pages = pages;
    }

    public void page(Context ctx) {
        String q = param(ctx, "q");
        String site = param(ctx, "site");
        String from = param(ctx, "from");
        String to = param(ctx, "to");
        int page = positive(ctx.queryParam("page"), 1, Integer.MAX_VALUE / PAGE_SIZE);
        SearchResult result = q == null ? null
                : search.search(q, new SearchOptions(site, from, to, PAGE_SIZE, (page - 1) * PAGE_SIZE));
        List<SearchView.Hit> hits = new ArrayList<>();
        if (result != null) {
            result.results().forEach(h -> hits.add(new SearchView.Hit(h.url(), h.title(), h.snippet(),
                    CaptureTime.display(h.timestamp()), ArchiveUrls.replay(h.timestamp(), ReplayMode.FRAME, h.url()),
                    ArchiveUrls.timeline(h.url()), "/provenance?url=" + ArchiveUrls.encode(h.url()))));
        }
        long total = result == null ? 0 : result.total();
        boolean lowerBound = result != null && result.totalIsLowerBound();
        int lastPage = (int) Math.max(page, Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
        // past a capped count the pages go on while they are full
        boolean next = page < lastPage || lowerBound && hits.size() == PAGE_SIZE;
        String base = "/search?q=" + enc(q) + (site != null ? "&site=" + enc(site) : "")
                + (from != null ? "&from=" + enc(from) : "") + (to != null ? "&to=" + enc(to) : "");
        pages.render(ctx, 200, "search", new SearchView(q, site, from, to, total, lowerBound, hits, page,
                lastPage, page > 1 ? base + "&page=" + (page - 1) : null, next ? base + "&page=" + (page + 1) : null));
    }

    public void api(Context ctx) {
        String q = param(ctx, "q");
        if (q == null) throw new IllegalArgumentException("give the words to look for: /api/search?q=...");
        int limit = positive(ctx.queryParam("limit"), PAGE_SIZE, MAX_LIMIT);
        int page = positive(ctx.queryParam("page"), 1, Integer.MAX_VALUE / MAX_LIMIT);
        SearchResult result = search.search(q, new SearchOptions(param(ctx, "site"), param(ctx, "from"),
                param(ctx, "to"), limit, (page - 1) * limit));
        List<ApiHit> hits = result.results().stream().map(h -> {
            SnippetText snippet = SnippetText.of(h.snippet());
            return new ApiHit(h.url(), h.timestamp(), h.title(), snippet.text(), snippet.matches(), h.score(),
                    h.rendered());
        }).toList();
        Json.send(ctx, 200, new ApiResult(result.query(), result.total(), result.totalIsLowerBound(), hits));
    }

    /**
     * One result as the JSON API gives it: the snippet in plain text, the matched words as offsets into it;
     * {@code rendered} when the text is the page as a browser rendered it.
     */
    record ApiHit(String url, String timestamp, String title, String snippet, List<SnippetText.Match> matches,
                  double score, boolean rendered) {
    }

    /** @param totalIsLowerBound there are more than {@code total} matching URLs: the count stopped there */
    record ApiResult(String query, long total, boolean totalIsLowerBound, List<ApiHit> results) {
    }

    static String param(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    static int positive(String value, int fallback, int max) {
        if (value == null || !value.matches("\\d{1,9}")) return fallback;
        return Math.min(max, Math.max(1, Integer.parseInt(value)));
    }

    private static String enc(String s) {
        return s == null ? "" : ArchiveUrls.encode(s);
    }
}
