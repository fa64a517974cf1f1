package org.warctrail.index;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@code watches} table: URLs to recapture on a schedule, with the outcome of their last attempt. */
public final class WatchesTable {
    /** The schema migration that adds the table. */
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE watches (
                url TEXT PRIMARY KEY,
                every_seconds INTEGER NOT NULL,
                depth INTEGER NOT NULL,
                all_changes INTEGER NOT NULL,
                added TEXT NOT NULL,
                last_attempt TEXT,
                last_success TEXT,
                last_error TEXT,
                failures INTEGER NOT NULL DEFAULT 0,
                next_run TEXT)""");

    private final CaptureIndex index;

    public WatchesTable(CaptureIndex index) {
        this.index = index;
    }

    /** Adds a watch, or changes the schedule of an existing one (its history is kept). */
    public void add(String url, long everySeconds, int depth, boolean allChanges) {
        update("INSERT INTO watches (url, every_seconds, depth, all_changes, added) VALUES (?, ?, ?, ?, ?) "
                        + "ON CONFLICT(url) DO UPDATE SET every_seconds = excluded.every_seconds, depth = excluded.depth, "
                        + "all_changes = excluded.all_changes",
                url, everySeconds, depth, allChanges ? 1 : 0, Instant.now().toString());
    }

    public void remove(String url) {
        update("DELETE FROM watches WHERE url = ?", url);
    }

    /** Every watch, the next due first. */
    public List<Watch> list() {
        try {
            return index.connections().read(c -> {
                List<Watch> out = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("SELECT url, every_seconds, depth, all_changes, added, "
                        + "last_attempt, last_success, last_error, failures, next_run FROM watches "
                        + "ORDER BY COALESCE(next_run, ''), url");
                     ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Watch(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4) != 0,
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getInt(9),
                                rs.getString(10)));
                    }
                }
                return out;
            });
        } catch (SQLException e) {
            throw new IndexException("cannot read watches: " + e.getMessage(), e);
        }
    }

    /** A capture that did not fail: clears the error count. Timestamps are 14 digits. */
    public void recordSuccess(String url, String timestamp, String nextRun) {
        update("UPDATE watches SET last_attempt = ?, last_success = ?, last_error = NULL, failures = 0, next_run = ? "
                + "WHERE url = ?", timestamp, timestamp, nextRun, url);
    }

    /** A failed attempt (timeout, DNS, 5xx): kept for the UI, retried at {@code nextRun}. */
    public void recordFailure(String url, String timestamp, String error, String nextRun) {
        update("UPDATE watches SET last_attempt = ?, last_error = ?, failures = failures + 1, next_run = ? "
                + "WHERE url = ?", timestamp, error, nextRun, url);
    }

    private void update(String sql, Object... parameters) {
        try {
            index.connections().transaction(c -> {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    CaptureIndex.bind(st, java.util.Arrays.asList(parameters));
                    st.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IndexException("cannot update watches: " + e.getMessage(), e);
        }
    }
}
