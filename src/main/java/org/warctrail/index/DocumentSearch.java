package org.warctrail.index;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Full-text search over extracted documents (FTS5, bm25 with the title weighted above the text), one result
 * per URL: its newest matching capture, with a highlighted snippet. A query with Chinese, Japanese, Korean or
 * Thai letters is answered from the {@code documents_dense} index, which finds them inside runs of text (see
 * {@link DenseScriptText}); it holds no text, so its snippets are cut from the document here.
 */
public final class DocumentSearch {
    private static final String OPEN = "\u0001";
    private static final String CLOSE = "\u0002";
    private final Connections connections;

    DocumentSearch(Connections connections) {
        this.connections = connections;
    }

    public SearchResult search(String query, SearchOptions options) {
        boolean dense = DenseScriptText.has(query);
        String fts = dense ? FtsQuery.dense(query) : FtsQuery.of(query);
        if (fts.isEmpty()) return new SearchResult(query, 0, List.of());
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
        String hits = "SELECT d.id, d.surt, d.timestamp, bm25(" + table + ", 4.0, 1.0) AS rank "
                + "FROM " + table + " JOIN documents d ON d.id = " + table + ".rowid WHERE " + where;
        String page = "WITH hits AS (" + hits + "), newest AS (SELECT id, rank, ROW_NUMBER() OVER "
                + "(PARTITION BY surt ORDER BY timestamp DESC, id DESC) AS rn FROM hits) "
                + "SELECT id, rank FROM newest WHERE rn = 1 ORDER BY rank, id LIMIT ? OFFSET ?";
        String count = "SELECT COUNT(DISTINCT d.surt) FROM " + table + " JOIN documents d "
                + "ON d.id = " + table + ".rowid WHERE " + where;
        String detailSql = dense ? "SELECT url, timestamp, title, text FROM documents WHERE ? IS NOT NULL AND id = ?"
                : "SELECT d.url, d.timestamp, d.title, "
                + "snippet(documents_fts, -1, '" + OPEN + "', '" + CLOSE + "', '…', 24) "
                + "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
                + "WHERE documents_fts MATCH ? AND documents_fts.rowid = ?";
        List<String> terms = dense ? FtsQuery.terms(query) : List.of();
        try {
            return connections.read(c -> {
                long total;
                try (PreparedStatement st = c.prepareStatement(count)) {
                    CaptureIndex.bind(st, parameters);
                    try (ResultSet rs = st.executeQuery()) {
                        total = rs.next() ? rs.getLong(1) : 0;
                    }
                }
                List<Object> pageParameters = new ArrayList<>(parameters);
                pageParameters.add(Math.max(1, options.limit()));
                pageParameters.add(Math.max(0, options.offset()));
                List<SearchHit> results = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement(page);
                     PreparedStatement detail = c.prepareStatement(detailSql)) {
                    CaptureIndex.bind(st, pageParameters);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            double rank = rs.getDouble(2);
                            detail.setString(1, fts);
                            detail.setLong(2, id);
                            try (ResultSet d = detail.executeQuery()) {
                                if (d.next()) {
                                    String snippet = dense ? DenseScriptText.snippet(d.getString(4), terms, OPEN, CLOSE)
                                            : d.getString(4);
                                    results.add(new SearchHit(d.getString(1), d.getString(2), d.getString(3),
                                            highlight(snippet), -rank));
                                }
                            }
                        }
                    }
                }
                return new SearchResult(query, total, results);
            });
        } catch (SQLException e) {
            throw new IndexException("search failed for " + fts + ": " + e.getMessage(), e);
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
