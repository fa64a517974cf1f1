package org.warctrail.index;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The {@code verifications} table: the last fixity check of each WARC file ({@code verify}), for the server to
 * show; and the capture rows of a file in offset order, which a check lays beside the records it reads.
 */
public final class VerificationsTable {
    /** The schema migration that adds the table. */
    static final List<String> MIGRATION = List.of("""
            CREATE TABLE verifications (
                file TEXT PRIMARY KEY,
                verified TEXT NOT NULL,
                records INTEGER NOT NULL,
                damaged INTEGER NOT NULL,
                bytes INTEGER NOT NULL,
                first_problem TEXT)""");

    /** How the last checks went, over every file checked. */
    public record Summary(long files, long damagedFiles, long damagedRecords, String lastVerified) {
    }

    private final CaptureIndex index;

    public VerificationsTable(CaptureIndex index) {
        this.index = index;
    }

    /** Records the outcome of checking one file, replacing the one before. */
    public void record(FileVerification v) {
        try {
            index.connections().transaction(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT OR REPLACE INTO verifications "
                        + "(file, verified, records, damaged, bytes, first_problem) VALUES (?, ?, ?, ?, ?, ?)")) {
                    CaptureIndex.bind(st, java.util.Arrays.asList(v.file(), v.verified(), v.records(), v.damaged(),
                            v.bytes(), v.firstProblem()));
                    st.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IndexException("cannot record the verification of " + v.file() + ": " + e.getMessage(), e);
        }
    }

    /** The last check of every file checked, damaged files first, then by name. */
    public List<FileVerification> list() {
        return index.query("SELECT file, verified, records, damaged, bytes, first_problem FROM verifications "
                        + "ORDER BY damaged = 0, file", List.of(),
                rs -> new FileVerification(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6)));
    }

    /** Totals over the files checked; empty when none was. */
    public Optional<Summary> summary() {
        Summary s = index.query("SELECT COUNT(*), COALESCE(SUM(damaged > 0), 0), COALESCE(SUM(damaged), 0), "
                        + "MAX(verified) FROM verifications", List.of(),
                rs -> new Summary(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4))).get(0);
        return s.files() == 0 ? Optional.empty() : Optional.of(s);
    }

    /**
     * Up to {@code limit} capture rows of {@code file} after the row at ({@code offset}, {@code id}), in (offset,
     * id) order: pass (-1, 0) for the first page, then the last row's offset and id.
     */
    public List<CaptureRow> rowsOfFile(String file, long offset, long id, int limit) {
        return index.query("SELECT " + CaptureIndex.ROW_COLUMNS + " WHERE f.name = ? AND (c.offset > ? "
                        + "OR (c.offset = ? AND c.id > ?)) ORDER BY c.offset, c.id LIMIT ?",
                List.of(file, offset, offset, id, limit), CaptureIndex::row);
    }
}
