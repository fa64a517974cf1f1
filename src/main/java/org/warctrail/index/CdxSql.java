package org.warctrail.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE and ORDER BY of a {@link CdxQuery}, as SURT ranges the (surt, timestamp) index can serve, and the
 * keyset condition that continues the same order after a given row (so rows can be read a page at a time, without
 * holding a connection while a client reads). Ties of SURT and second are ordered by {@link CdxOrder}.
 */
record CdxSql(String where, String order, boolean reverse, List<Object> parameters) {
    /** The ORDER BY columns, one direction for all, unique together (so a row is a position in the order). */
    private static final String KEY = "(c.surt, c.timestamp, c.id)";

    /**
     * A page of at most {@code size} rows after {@code last} (null: from the start), in the query's order. The
     * leading column's bound comes first and alone, so that SQLite starts the index range at the last row
     * instead of scanning from the start of the query's range on every page.
     */
    String page(CaptureRow last, int size) {
        if (last == null) return where + order + " LIMIT " + size;
        String after = reverse ? "c.surt <= ? AND " + KEY + " < (?, ?, ?)" : "c.surt >= ? AND " + KEY + " > (?, ?, ?)";
        String rest = where.isEmpty() ? "" : " AND " + where.substring(" WHERE ".length());
        return " WHERE " + after + rest + order + " LIMIT " + size;
    }

    /** The parameters of {@link #page}: the last row's key, then the query's. */
    List<Object> pageParameters(CaptureRow last) {
        if (last == null) return parameters;
        List<Object> all = new ArrayList<>();
        all.add(last.surt());
        all.add(last.surt());
        all.add(last.timestamp());
        all.add(last.id());
        all.addAll(parameters);
        return all;
    }

    static CdxSql of(CdxQuery query) {
        List<String> conditions = new ArrayList<>();
        List<Object> parameters = new ArrayList<>();
        String url = query.url() == null ? "" : query.url().strip();
        if (!url.isEmpty()) {
            MatchType match = query.matchType() == null ? MatchType.EXACT : query.matchType();
            String surt = SurtKey.of(url);
            switch (match) {
                case EXACT -> {
                    conditions.add("c.surt = ?");
                    parameters.add(surt);
                }
                case PREFIX -> {
                    // "example.com/a" makes "com,example)/a"; a bare host makes "com,example)/", which is its own prefix
                    String prefix = surt;
                    range(conditions, parameters, prefix);
                }
                case HOST -> range(conditions, parameters, SurtKey.hostPart(surt) + "/");
                case DOMAIN -> {
                    String host = SurtKey.hostPart(surt);
                    String bare = host.endsWith(")") ? host.substring(0, host.length() - 1) : host;
                    // One range the (surt, timestamp) index serves, from the host's ")" to its subdomains' ","
                    // (a host holds no '*' or '+', the characters between), then the exact two: an OR of two
                    // ranges alone makes SQLite sort every remaining row for each page of a paged read.
                    conditions.add("c.surt >= ? AND c.surt < ?");
                    parameters.add(bare + ")");
                    parameters.add(bare + "," + SurtKey.MAX);
                    conditions.add("((c.surt >= ? AND c.surt < ?) OR (c.surt >= ? AND c.surt < ?))");
                    parameters.add(bare + ")");
                    parameters.add(bare + ")" + SurtKey.MAX);
                    parameters.add(bare + ",");
                    parameters.add(bare + "," + SurtKey.MAX);
                }
            }
        }
        if (query.from() != null && !query.from().isBlank()) {
            conditions.add("c.timestamp >= ?");
            parameters.add(SurtKey.padLow(query.from()));
        }
        if (query.to() != null && !query.to().isBlank()) {
            conditions.add("c.timestamp <= ?");
            parameters.add(SurtKey.padHigh(query.to()));
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        // Captures sharing SURT and second are ordered by their whole line in CdxOrder; id only makes pages exact.
        String order = query.reverse() ? " ORDER BY c.surt DESC, c.timestamp DESC, c.id DESC"
                : " ORDER BY c.surt, c.timestamp, c.id";
        return new CdxSql(where, order, query.reverse(), parameters);
    }

    private static void range(List<String> conditions, List<Object> parameters, String prefix) {
        conditions.add("c.surt >= ? AND c.surt < ?");
        parameters.add(prefix);
        parameters.add(prefix + SurtKey.MAX);
    }
}
