package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The {@code documents_dense} full-text index: the documents that hold Chinese, Japanese, Korean or Thai text, as
 * {@link DenseScriptText} spells them for search inside runs. It is contentless (it holds no copy of the text, only
 * its postings); documents without such text are not in it. Filled as documents are written, and for documents
 * indexed before it existed, once, when the index is opened.
 */
final class DenseIndex {
    /** Creates the index and marks every document already there as still to do. */
    static final List<String> MIGRATION = List.of(
            """
            CREATE VIRTUAL TABLE documents_dense USING fts5(
                title, text, content='', contentless_delete=1,
                tokenize="unicode61 remove_diacritics 2 categories 'L* N* Co M*'")""",
            // documents up to until_id were written before the dense index existed; next_id is where filling resumes
            "CREATE TABLE dense_backfill (id INTEGER PRIMARY KEY CHECK (id = 1), next_id INTEGER NOT NULL, until_id INTEGER NOT NULL)",
            "INSERT INTO dense_backfill (id, next_id, until_id) SELECT 1, 1, COALESCE(MAX(id), 0) FROM documents");
    private static final int BATCH = 500;

    private DenseIndex() {
    }

    /** Adds a document if its title or text holds dense-script letters. */
    static void add(Connection c, long documentId, String title, String text) throws SQLException {
        if (!DenseScriptText.has(title) && !DenseScriptText.has(text)) return;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO documents_dense (rowid, title, text) VALUES (?, ?, ?)")) {
            st.setLong(1, documentId);
            st.setString(2, DenseScriptText.forIndex(title));
            st.setString(3, DenseScriptText.forIndex(text));
            st.executeUpdate();
        }
    }

    /** Removes the documents the subquery selects (ids not in the index are no-ops). */
    static void delete(Statement st, String documentIds) throws SQLException {
        st.executeUpdate("DELETE FROM documents_dense WHERE rowid IN (" + documentIds + ")");
    }

    /** Whether documents written before the dense index existed are still to add (read without the write lock). */
    static boolean backfillPending(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT 1 FROM dense_backfill LIMIT 1")) {
            return rs.next();
        }
    }

    /**
     * Adds the documents written before the dense index existed, a batch per transaction, so that an interrupted
     * fill resumes where it stopped. Does nothing once done.
     */
    static void backfill(Connections connections) throws SQLException {
        while (connections.write(DenseIndex::backfillBatch)) {
            // each batch commits on its own
        }
    }

    private static boolean backfillBatch(Connection c) throws SQLException {
        long next;
        long until;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT next_id, until_id FROM dense_backfill")) {
            if (!rs.next()) return false;
            next = rs.getLong(1);
            until = rs.getLong(2);
        }
        if (next > until) {
            try (Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM dense_backfill");
            }
            c.commit();
            return false;
        }
        long last = next - 1;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, title, text FROM documents WHERE id >= ? AND id <= ? ORDER BY id LIMIT " + BATCH)) {
            st.setLong(1, next);
            st.setLong(2, until);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong(1);
                    add(c, last, rs.getString(2), rs.getString(3));
                }
            }
        }
        long resume = last < next ? until + 1 : last + 1;
        try (PreparedStatement st = c.prepareStatement("UPDATE dense_backfill SET next_id = ?")) {
            st.setLong(1, resume);
            st.executeUpdate();
        }
        c.commit();
        return true;
    }
}
