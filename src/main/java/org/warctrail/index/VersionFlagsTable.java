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
 * The {@code versions} table: the change flags of each capture against the version before it, written as
 * captures are indexed (by {@link IndexWriter}, in its transaction) so that a URL's timeline is one query.
 * A capture indexed out of time order (an import of older WARCs) also refreshes the flags of the captures
 * after it, up to the first that did not fail, since their baseline changed.
 */
public final class VersionFlagsTable {
    /** The schema migration that adds the table. */
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

    private static final String ROW = "SELECT " + CaptureIndex.ROW_COLUMNS;

    private final CaptureIndex index;
    private final VersionFlagger flagger;

    public VersionFlagsTable(CaptureIndex index) {
        this(index, VersionFlagger.installed());
    }

    public VersionFlagsTable(CaptureIndex index, VersionFlagger flagger) {
        this.index = index;
        this.flagger = flagger;
    }

    /**
     * The flags of every capture of the URL, oldest first. Captures indexed before the table existed (or
     * without a flagger on the class path) get theirs computed and stored now, once.
     */
    public List<VersionFlags> flags(String url) {
        String surt = SurtKey.of(url);
        try {
            List<VersionFlags> stored = index.connections().read(c -> stored(c, surt));
            if (stored.size() == captureCount(surt) || flagger == VersionFlagger.NONE) return stored;
            return index.connections().write(c -> {
                try {
                    List<VersionFlags> all = backfill(c, surt, flagger);
                    c.commit();
                    return all;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            });
        } catch (SQLException e) {
            throw new IndexException("cannot read the versions of " + url + ": " + e.getMessage(), e);
        }
    }

    private long captureCount(String surt) throws SQLException {
        return index.connections().read(c -> {
            try (PreparedStatement st = c.prepareStatement("SELECT COUNT(*) FROM captures WHERE surt = ?")) {
                st.setString(1, surt);
                try (ResultSet rs = st.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    private static List<VersionFlags> stored(Connection c, String surt) throws SQLException {
        List<VersionFlags> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement("SELECT v.capture_id, v.timestamp, v.previous_timestamp, v.kind, "
                + "v.changed, v.substantive, v.score, v.summary FROM versions v WHERE v.surt = ? "
                + "ORDER BY v.timestamp, v.capture_id")) {
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

    /** Flags the captures of a URL that have none, in time order. */
    private static List<VersionFlags> backfill(Connection c, String surt, VersionFlagger flagger) throws SQLException {
        Map<Long, VersionFlags> known = new HashMap<>();
        for (VersionFlags f : stored(c, surt)) known.put(f.captureId(), f);
        List<CaptureRow> rows = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(ROW + " WHERE c.surt = ? ORDER BY c.timestamp, c.id")) {
            st.setString(1, surt);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) rows.add(CaptureIndex.row(rs));
            }
        }
        List<VersionFlags> out = new ArrayList<>(rows.size());
        CaptureRow baseline = null;
        for (CaptureRow row : rows) {
            VersionFlags f = known.get(row.id());
            if (f == null) {
                f = compute(c, flagger, baseline, row, null);
                if (f != null) store(c, row.surt(), f);
            }
            if (f != null) out.add(f);
            if (row.status() < 500) baseline = row;
        }
        return out;
    }

    /**
     * Called by {@link IndexWriter} after inserting a capture, in its transaction: flags the capture, and the
     * later captures whose baseline it now is.
     */
    static void captureAdded(Connection c, VersionFlagger flagger, CaptureRow row, Document document)
            throws SQLException {
        if (flagger == VersionFlagger.NONE) return;
        CaptureRow previous = previousGood(c, row);
        VersionFlags flags = compute(c, flagger, previous, row, document);
        if (flags != null) store(c, row.surt(), flags);
        if (row.status() >= 500) return;
        CaptureRow baseline = row;
        for (CaptureRow later : later(c, row)) {
            VersionFlags f = compute(c, flagger, baseline, later, null);
            if (f != null) store(c, later.surt(), f);
            if (later.status() < 500) break;
        }
    }

    /** Reads the documents only when the payloads differ: equal digests need no diff. */
    private static VersionFlags compute(Connection c, VersionFlagger flagger, CaptureRow previous, CaptureRow row,
                                        Document document) throws SQLException {
        if (previous == null) return flagger.flag(null, null, row, null);
        boolean same = row.digest() != null && Objects.equals(row.digest(), previous.digest());
        if (same) return flagger.flag(previous, null, row, null);
        Document current = document != null ? document : StoredDocuments.load(c, row);
        return flagger.flag(previous, StoredDocuments.load(c, previous), row, current);
    }

    private static CaptureRow previousGood(Connection c, CaptureRow row) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(ROW + " WHERE c.surt = ? AND c.status < 500 AND c.id <> ? "
                + "AND (c.timestamp < ? OR (c.timestamp = ? AND c.id < ?)) ORDER BY c.timestamp DESC, c.id DESC LIMIT 1")) {
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

    /** The captures after this one, nearest first (only read until the first that did not fail). */
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
                    if (later.status() < 500) break;
                }
            }
        }
        return out;
    }

    private static void store(Connection c, String surt, VersionFlags f) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO versions (capture_id, surt, timestamp, "
                + "previous_timestamp, kind, changed, substantive, score, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setLong(1, f.captureId());
            st.setString(2, surt);
            st.setString(3, f.timestamp());
            st.setString(4, f.previousTimestamp());
            st.setString(5, f.kind());
            st.setInt(6, f.changed() ? 1 : 0);
            st.setInt(7, f.substantive() ? 1 : 0);
            st.setDouble(8, f.score());
            st.setString(9, f.summary());
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
