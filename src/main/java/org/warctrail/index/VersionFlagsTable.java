package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.warctrail.extract.Document;

/**
 * The {@code versions} table: the change flags of each capture against the version before it, derived after
 * the capture is indexed ({@link #deriver}) so that a URL's timeline is one query. A capture indexed out of
 * time order (an import of older WARCs) also refreshes the flags of the captures after it, up to the first that
 * did not fail, since their baseline changed. Reading never writes: flags not derived yet are computed in memory.
 */
public final class VersionFlagsTable {
    /** The schema migration that adds the table (its URL key and time went in a later one: see Schema). */
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE versions (
                capture_id INTEGER PRIMARY KEY REFERENCES captures(id),
                surt TEXT NOT NULL,
                timestamp TEXT NOT NULL,
                previous_timestamp TEXT,
                kind TEXT NOT NULL,
                changed INTEGER NOT NULL,
                substantive INTEGER NOT NULL,
                score REAL NOT NULL,
                summary TEXT NOT NULL)""",
            "CREATE INDEX versions_surt ON versions(surt, timestamp)");

    /**
     * The schema migration for stores flagged before an unreadable HTTP head counted as a failed capture: such a
     * capture was diffed as an emptied page and the one after it as the page coming back. Both are queued again
     * (the derivers keep what they stored before and add nothing twice), so the failed capture is flagged as one
     * and the next good capture is compared with the last good one before it.
     */
    static final List<String> UNREADABLE_IS_FAILED_MIGRATION = List.of(
            "INSERT OR IGNORE INTO derivations (capture_id, state) SELECT id, 'pending' FROM ("
                    + "SELECT c.id AS id FROM captures c WHERE " + CaptureRow.unreadableSql("c")
                    + " UNION SELECT (SELECT n.id FROM captures n WHERE n.surt = c.surt AND NOT "
                    + CaptureRow.failedSql("n") + " AND (n.timestamp > c.timestamp OR (n.timestamp = c.timestamp "
                    + "AND n.id > c.id)) ORDER BY n.timestamp, n.id LIMIT 1) AS id FROM captures c WHERE "
                    + CaptureRow.unreadableSql("c") + ") WHERE id IS NOT NULL");

    private static final String ROW = "SELECT " + CaptureIndex.ROW_COLUMNS;

    private final CaptureIndex index;
    private final VersionFlagger flagger;

    /** @param flagger computes the flags the table does not hold yet (the versions stage's differ) */
    public VersionFlagsTable(CaptureIndex index, VersionFlagger flagger) {
        this.index = index;
        this.flagger = flagger;
    }

    /** The deriver that stores each new capture's flags, and refreshes those of the captures after it. */
    public static Deriver deriver(VersionFlagger flagger) {
        return new Deriver() {
            @Override
            public String name() {
                return "versions";
            }

            @Override
            public Batch batch(CaptureIndex index) {
                return capture -> {
                    List<VersionFlags> flags = index.connections().read(c -> captureAdded(c, flagger, capture.row()));
                    return tx -> {
                        try {
                            for (VersionFlags f : flags) store(tx.connection, f);
                        } catch (SQLException e) {
                            throw new IndexException("cannot store the version flags of " + capture.row().url()
                                    + ": " + e.getMessage(), e);
                        }
                    };
                };
            }
        };
    }

    /**
     * The flags of every capture of the URL, oldest first: those stored, and for captures not derived yet, flags
     * computed now and not kept.
     */
    public List<VersionFlags> flags(String url) {
        String surt = SurtKey.of(url);
        try {
            return index.connections().read(c -> withMissing(c, surt, flagger));
        } catch (SQLException e) {
            throw new IndexException("cannot read the versions of " + url + ": " + e.getMessage(), e);
        }
    }

    private static List<VersionFlags> stored(Connection c, String surt) throws SQLException {
        List<VersionFlags> out = new ArrayList<>();
        // a capture's URL key and time are the capture's: the flags are found through captures_surt
        try (PreparedStatement st = c.prepareStatement("SELECT v.capture_id, c.timestamp, v.previous_timestamp, v.kind, "
                + "v.changed, v.substantive, v.score, v.summary FROM captures c JOIN versions v ON v.capture_id = c.id "
                + "WHERE c.surt = ? ORDER BY c.timestamp, c.id")) {
            st.setString(1, surt);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(new VersionFlags(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getInt(5) != 0, rs.getInt(6) != 0, rs.getDouble(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /** The stored flags of a URL's captures, with those of the captures that have none computed, in time order. */
    private static List<VersionFlags> withMissing(Connection c, String surt, VersionFlagger flagger)
            throws SQLException {
        Map<Long, VersionFlags> known = new HashMap<>();
        for (VersionFlags f : stored(c, surt)) known.put(f.captureId(), f);
        List<CaptureRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(ROW + " WHERE c.surt = ? ORDER BY c.timestamp, c.id")) {
            st.setString(1, surt);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(CaptureIndex.row(rs));
            }
        }
        if (known.size() == rows.size()) return new ArrayList<>(stored(c, surt));
        List<VersionFlags> out = new ArrayList<>(rows.size());
        CaptureRow baseline = null;
        for (CaptureRow row : rows) {
            VersionFlags f = known.get(row.id());
            if (f == null) f = compute(c, flagger, baseline, row);
            if (f != null) out.add(f);
            if (!row.failed()) baseline = row;
        }
        return out;
    }

    /** The flags of a capture just indexed, and of the later captures whose baseline it now is. */
    private static List<VersionFlags> captureAdded(Connection c, VersionFlagger flagger, CaptureRow row)
            throws SQLException {
        List<VersionFlags> out = new ArrayList<>();
        VersionFlags flags = compute(c, flagger, previousGood(c, row), row);
        if (flags != null) out.add(flags);
        if (row.failed()) return out;
        for (CaptureRow later : later(c, row)) {
            VersionFlags f = compute(c, flagger, row, later);
            if (f != null) out.add(f);
        }
        return out;
    }

    /** Reads the documents only when the payloads differ: equal digests need no diff. */
    private static VersionFlags compute(Connection c, VersionFlagger flagger, CaptureRow previous, CaptureRow row)
            throws SQLException {
        if (previous == null) return flagger.flag(null, null, row, null);
        // browser captures compare by what they rendered
        previous = RenderedDocuments.asVersion(c, previous);
        row = RenderedDocuments.asVersion(c, row);
        boolean same = row.digest() != null && Objects.equals(row.digest(), previous.digest());
        if (same) return flagger.flag(previous, null, row, null);
        Document current = StoredDocuments.load(c, row);
        return flagger.flag(previous, StoredDocuments.load(c, previous), row, current);
    }

    private static CaptureRow previousGood(Connection c, CaptureRow row) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ROW + " WHERE c.surt = ? AND NOT "
                + CaptureRow.failedSql("c") + " AND c.id <> ? AND (c.timestamp < ? OR (c.timestamp = ? AND c.id < ?)) "
                + "ORDER BY c.timestamp DESC, c.id DESC LIMIT 1")) {
            st.setString(1, row.surt());
            st.setLong(2, row.id());
            st.setString(3, row.timestamp());
            st.setString(4, row.timestamp());
            st.setLong(5, row.id());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? CaptureIndex.row(rs) : null;
            }
        }
    }

    /** The captures after this one, nearest first, up to the first that did not fail. */
    private static List<CaptureRow> later(Connection c, CaptureRow row) throws SQLException {
        List<CaptureRow> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(ROW + " WHERE c.surt = ? AND c.id <> ? "
                + "AND (c.timestamp > ? OR (c.timestamp = ? AND c.id > ?)) ORDER BY c.timestamp, c.id")) {
            st.setString(1, row.surt());
            st.setLong(2, row.id());
            st.setString(3, row.timestamp());
            st.setString(4, row.timestamp());
            st.setLong(5, row.id());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    CaptureRow later = CaptureIndex.row(rs);
                    out.add(later);
                    if (!later.failed()) break;
                }
            }
        }
        return out;
    }

    private static void store(Connection c, VersionFlags f) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO versions (capture_id, "
                + "previous_timestamp, kind, changed, substantive, score, summary) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, f.captureId());
            st.setString(2, f.previousTimestamp());
            st.setString(3, f.kind());
            st.setInt(4, f.changed() ? 1 : 0);
            st.setInt(5, f.substantive() ? 1 : 0);
            st.setDouble(6, f.score());
            st.setString(7, f.summary());
            st.executeUpdate();
        }
    }

    /** Deletes the flags of a file's captures (before the file's rows go). */
    static void deleteRowsOf(Connection c, long fileId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "DELETE FROM versions WHERE capture_id IN (SELECT id FROM captures WHERE file_id = ?)")) {
            st.setLong(1, fileId);
            st.executeUpdate();
        }
    }
}
