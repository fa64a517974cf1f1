package org.warctrail.index;

import java.util.ArrayList;
import java.util.List;

/**
 * The WHERE and ORDER BY of a {@link CdxQuery}, as SURT ranges the (surt, timestamp) index can serve; ties and the
 * limit are left to {@link CdxOrder}.
 */
record CdxSql(String where, String orderAndLimit, List<Object> parameters) {

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
        // The rest of the order (captures sharing SURT and second) and the limit are CdxOrder's: the line's bytes
        String order = query.reverse() ? " ORDER BY c.surt DESC, c.timestamp DESC" : " ORDER BY c.surt, c.timestamp";
        return new CdxSql(where, order, parameters);
    }

    private static void range(List<String> conditions, List<Object> parameters, String prefix) {
        conditions.add("c.surt >= ? AND c.surt < ?");
        parameters.add(prefix);
        parameters.add(prefix + SurtKey.MAX);
    }
}
