package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Full-text search over extracted documents (FTS5, bm25 with the title weighted above the text), one result
 * per URL: its newest matching capture, with a highlighted snippet. Top-k: only the page asked for (and those
 * before it) is deduplicated and read, and URLs are counted up to {@link #COUNT_CAP}. A query with Chinese, Japanese, Korean or
 * Thai letters is answered from the {@code documents_dense} index, which finds them inside runs of text (see
 * {@link DenseScriptText}); it holds no text, so its snippets are cut from the document here.
 */
public final class DocumentSearch {
    /** Matching URLs are counted up to this many; beyond, the total is a lower bound ("more than 1,000"). */
    public static final int COUNT_CAP = 1_000;
    private static final String OPEN = "\u0001";
    private static final String CLOSE = "\u0002";
    private final Connections connections;

    DocumentSearch(Connections connections) {
        this.connections = connections;
    }

    public SearchResult search(String query, SearchOptions options) {
        boolean dense = DenseScriptText.has(query);
        String fts = dense ? FtsQuery.dense(query) : FtsQuery.of(query);
        if (fts.isEmpty()) return new SearchResult(query, 0, false, List.of());
        String table = dense ? "documents_dense" : "documents_fts";
        List<Object> parameters = new ArrayList<>();
        parameters.add(fts);
        StringBuilder where = new StringBuilder(table + " MATCH ?");
        if (options.site() != null && !options.site().isBlank()) {
            String site = options.site().strip();
            String host = SurtKey.hostPart(SurtKey.of(site.contains("://") ? site : "http://" + site + "/"));
            String bare = host.endsWith(")") ? host.substring(0, host.length() - 1) : host;
            where.append(" AND ((d.surt >= ? AND d.surt < ?) OR (d.surt >= ? AND d.surt < ?))");
            parameters.add(bare + ")");
            parameters.add(bare + ")" + SurtKey.MAX);
            parameters.add(bare + ",");
            parameters.add(bare + "," + SurtKey.MAX);
        }
        if (options.from() != null && !options.from().isBlank()) {
            where.append(" AND d.timestamp >= ?");
            parameters.add(SurtKey.padLow(options.from()));
        }
        if (options.to() != null && !options.to().isBlank()) {
            where.append(" AND d.timestamp <= ?");
            parameters.add(SurtKey.padHigh(options.to()));
        }
        String rank = "bm25(" + table + ", 4.0, 1.0)";
        // Every match is ranked (bm25 needs each one's statistics), but no document row is read for it unless a
        // filter needs one, and the sorter keeps only the best LIMIT rows.
        String candidates = parameters.size() > 1
                ? "SELECT d.id, " + rank + " AS r FROM " + table + " JOIN documents d ON d.id = " + table + ".rowid "
                + "WHERE " + where + " ORDER BY r, d.id LIMIT ?"
                : "SELECT rowid, " + rank + " AS r FROM " + table + " WHERE " + table + " MATCH ? ORDER BY r, rowid LIMIT ?";
        boolean to = options.to() != null && !options.to().isBlank();
        // a match stands for its URL unless a newer capture of the URL (within the time filter) matches too
        String newest = "SELECT NOT EXISTS (SELECT 1 FROM documents n WHERE n.surt = d.surt AND n.timestamp >= d.timestamp "
                + "AND (n.timestamp > d.timestamp OR n.id > d.id)" + (to ? " AND n.timestamp <= ?" : "")
                + " AND EXISTS (SELECT 1 FROM " + table + " WHERE " + table + " MATCH ? AND " + table + ".rowid = n.id)) "
                + "FROM documents d WHERE d.id = ?";
        String count = "SELECT COUNT(*) FROM (SELECT DISTINCT d.surt FROM " + table + " JOIN documents d ON d.id = "
                + table + ".rowid WHERE " + where + " LIMIT " + (COUNT_CAP + 1) + ")";
        String detailSql = dense ? "SELECT url, timestamp, title, text FROM documents WHERE ? IS NOT NULL AND id = ?"
                : "SELECT d.url, d.timestamp, d.title, "
                + "snippet(documents_fts, -1, '" + OPEN + "', '" + CLOSE + "', '…', 24) "
                + "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                + "WHERE documents_fts MATCH ? AND documents_fts.rowid = ?";
        List<String> terms = dense ? FtsQuery.terms(query) : List.of();
        int limit = Math.max(1, options.limit());
        int offset = Math.max(0, options.offset());
        try {
            return connections.read(c -> {
                Page page = page(c, candidates, newest, parameters, to ? SurtKey.padHigh(options.to()) : null, fts,
                        offset, limit);
                long total = page.urlsSeen();
                boolean lowerBound = false;
                if (!page.exhausted()) {
                    // more URLs match than the pages up to this one hold: count them, up to the cap
                    try (PreparedStatement st = c.prepareStatement(count)) {
                        CaptureIndex.bind(st, parameters);
                        try (ResultSet rs = st.executeQuery()) {
                            total = Math.max(total + 1, rs.next() ? rs.getLong(1) : 0);
                        }
                    }
                    if (total > COUNT_CAP) {
                        total = Math.max(COUNT_CAP, page.urlsSeen());
                        lowerBound = true;
                    }
                }
                List<SearchHit> results = new ArrayList<>();
                try (PreparedStatement detail = c.prepareStatement(detailSql);
                     PreparedStatement rendered = c.prepareStatement(RenderedDocuments.EXISTS_SQL)) {
                    for (Ranked r : page.ranked()) {
                        detail.setString(1, fts);
                        detail.setLong(2, r.id());
                        try (ResultSet d = detail.executeQuery()) {
                            if (d.next()) {
                                String snippet = dense ? DenseScriptText.snippet(d.getString(4), terms, OPEN, CLOSE)
                                        : d.getString(4);
                                results.add(new SearchHit(d.getString(1), d.getString(2), d.getString(3),
                                        highlight(snippet), -r.rank(),
                                        RenderedDocuments.exists(rendered, d.getString(1), d.getString(2))));
                            }
                        }
                    }
                }
                return new SearchResult(query, total, lowerBound, results);
            });
        } catch (SQLException e) {
            throw new IndexException("search failed for " + fts + ": " + e.getMessage(), e);
        }
    }

    private record Ranked(long id, double rank) {
    }

    /**
     * @param ranked    the page's matches, each its URL's newest matching capture, best first
     * @param urlsSeen  URLs up to the page's end (all of them if {@code exhausted})
     * @param exhausted whether every match was seen; if not, at least one more URL matches after the page
     */
    private record Page(List<Ranked> ranked, int urlsSeen, boolean exhausted) {
    }

    /**
     * Walks the matches best first, keeping those that are their URL's newest matching capture, until the page is
     * full: the cost is in the page's depth, not in the number of matches. Fetches the best few more than the page
     * needs, and more again (four times as many) if older captures of the same URLs were among them.
     */
    private static Page page(Connection c, String candidates, String newest, List<Object> parameters, String to,
                             String fts, int offset, int limit) throws SQLException {
        int want = offset + limit;
        Map<Long, Boolean> isNewest = new HashMap<>();
        long fetch = want + want / 4 + 10;
        try (PreparedStatement probe = c.prepareStatement(newest)) {
            while (true) {
                List<Ranked> ranked = new ArrayList<>();
                int seen = 0;
                int urls = 0;
                List<Object> bound = new ArrayList<>(parameters);
                bound.add(Math.min(fetch, Integer.MAX_VALUE));
                try (PreparedStatement st = c.prepareStatement(candidates)) {
                    CaptureIndex.bind(st, bound);
                    try (ResultSet rs = st.executeQuery()) {
                        while (urls <= want && rs.next()) { // one URL past the page tells if there are more
                            seen++;
                            long id = rs.getLong(1);
                            double rank = rs.getDouble(2);
                            Boolean keep = isNewest.get(id);
                            if (keep == null) {
                                keep = newest(probe, to, fts, id);
                                isNewest.put(id, keep);
                            }
                            if (keep && urls++ >= offset && urls <= want) ranked.add(new Ranked(id, rank));
                        }
                    }
                }
                if (urls > want || seen < fetch) return new Page(ranked, Math.min(urls, want), urls <= want);
                fetch *= 4;
            }
        }
    }

    private static boolean newest(PreparedStatement probe, String to, String fts, long id) throws SQLException {
        int i = 1;
        if (to != null) probe.setString(i++, to);
        probe.setString(i++, fts);
        probe.setLong(i, id);
        try (ResultSet rs = probe.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Escapes the snippet for HTML and turns the match markers into {@code <b>} elements. */
    static String highlight(String snippet) {
        if (snippet == null) return "";
        String escaped = snippet.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
        return escaped.replace(OPEN, "<b>").replace(CLOSE, "</b>").replaceAll("\\s+", " ").strip();
    }
}
