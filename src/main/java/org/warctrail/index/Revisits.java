package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The one rule for the capture a revisit record stands for: the response (or resource) its WARC-Refers-To names
 * (of two in one second, the one with the revisit's digest), else the latest earlier one of the URL with the same
 * payload digest. Replay, the documents of versions and revisit deduplication all resolve through here.
 */
final class Revisits {
    private Revisits() {
    }

    /** The capture a revisit stands for; the row itself when it is no revisit; empty when none is indexed. */
    static Optional<CaptureRow> original(Connection c, CaptureRow row) throws SQLException {
        if (!row.revisit()) return Optional.of(row);
        if (row.refersToUrl() != null && row.refersToTimestamp() != null) {
            try (PreparedStatement st = c.prepareStatement("SELECT " + CaptureIndex.ROW_COLUMNS
                    + " WHERE c.surt = ? AND c.timestamp = ? AND c.record_type IN ('response', 'resource') "
                    + "ORDER BY (c.digest IS ?) DESC, c.id LIMIT 1")) {
                st.setString(1, SurtKey.of(row.refersToUrl()));
                st.setString(2, row.refersToTimestamp());
                st.setString(3, row.digest());
                try (ResultSet rs = st.executeQuery()) {
                    if (rs.next()) return Optional.of(CaptureIndex.row(rs));
                }
            }
        }
        if (row.digest() == null) return Optional.empty();
        try (PreparedStatement st = c.prepareStatement("SELECT " + CaptureIndex.ROW_COLUMNS
                + " WHERE c.surt = ? AND c.digest = ? AND c.timestamp <= ? "
                + "AND c.record_type IN ('response', 'resource') ORDER BY c.timestamp DESC, c.id DESC LIMIT 1")) {
            st.setString(1, row.surt());
            st.setString(2, row.digest());
            st.setString(3, row.timestamp());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(CaptureIndex.row(rs)) : Optional.empty();
            }
        }
    }
}
