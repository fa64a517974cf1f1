package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.warctrail.extract.Document;
import org.warctrail.extract.Quote;

/**
 * Writes batches of captures with their documents, links and quotes in one transaction, and moves the file's
 * {@code indexed_bytes} mark forward in the same transaction, so a crash never leaves half a batch visible
 * nor loses track of where to resume. Each new capture is queued for its derived data ({@link Derivations}) in
 * the same transaction; nothing is derived here, so the write lock is held for the inserts alone.
 */
final class IndexWriter {
    private final Connections connections;

    IndexWriter(Connections connections) {
        this.connections = connections;
    }

    /**
     * Writes the captures of one batch, queues them for derivation and sets the file's mark.
     *
     * @return how many captures were new (rows already present, e.g. indexed by another process, are skipped)
     */
    int write(long fileId, List<IndexedCapture> batch, long indexedBytes, long size, long mtime) {
        try {
            return connections.transaction(c -> {
                int added = insert(c, fileId, batch);
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE files SET indexed_bytes = MAX(indexed_bytes, ?), size = ?, mtime = ? WHERE id = ?")) {
                    st.setLong(1, indexedBytes);
                    st.setLong(2, size);
                    st.setLong(3, mtime);
                    st.setLong(4, fileId);
                    st.executeUpdate();
                }
                return added;
            });
        } catch (SQLException e) {
            if (IndexException.isDiskFull(e)) {
                throw new IndexException("the disk is full: cannot write to the index (" + e.getMessage() + ")", e);
            }
            throw new IndexException("cannot write index batch: " + e.getMessage(), e);
        }
    }

    private static int insert(Connection c, long fileId, List<IndexedCapture> batch) throws SQLException {
        int added = 0;
        List<Searchable> searchable = new ArrayList<>(batch.size());
        // a record already indexed (by another process, or a pass that stopped after its batch) is skipped: a
        // record is its (file, offset), and the writer's transaction keeps this check and the insert together
        try (PreparedStatement capture = c.prepareStatement("INSERT INTO captures (file_id, surt, timestamp, "
                + "url, status, mime, digest, record_type, offset, length, record_id, redirect, refers_to_url, "
                + "refers_to_timestamp, method, request_body) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM captures WHERE file_id = ? AND offset = ?)");
             PreparedStatement document = c.prepareStatement("INSERT INTO documents (capture_id, url, surt, timestamp, "
                     + "title, text, published, modified, authors, lang, canonical, site_name, description, "
                     + "content_type, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement fts = c.prepareStatement("INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)");
             PreparedStatement link = c.prepareStatement("INSERT INTO links (document_id, links) VALUES (?, ?)");
             PreparedStatement quote = c.prepareStatement("INSERT INTO quotes (document_id, text, speaker, "
                     + "start, \"end\") VALUES (?, ?, ?, ?, ?)");
             PreparedStatement queue = c.prepareStatement(Derivations.ENQUEUE_SQL);
             Statement lastId = c.createStatement()) {
            for (IndexedCapture item : batch) {
                CaptureRow r = item.row();
                capture.setLong(1, fileId);
                capture.setString(2, r.surt());
                capture.setString(3, r.timestamp());
                capture.setString(4, r.url());
                capture.setInt(5, r.status());
                capture.setString(6, r.mime());
                capture.setString(7, r.digest());
                capture.setString(8, r.recordType().wireName());
                capture.setLong(9, r.offset());
                capture.setLong(10, r.length());
                capture.setString(11, r.recordId());
                capture.setString(12, r.redirect());
                capture.setString(13, r.refersToUrl());
                capture.setString(14, r.refersToTimestamp());
                capture.setString(15, r.method());
                capture.setString(16, r.requestBody());
                capture.setLong(17, fileId);
                capture.setLong(18, r.offset());
                if (capture.executeUpdate() == 0) continue;
                added++;
                long captureId = lastRowId(lastId);
                Derivations.enqueue(queue, captureId);
                if (item.document() == null) continue;
                Document d = item.document();
                document.setLong(1, captureId);
                document.setString(2, r.url());
                document.setString(3, r.surt());
                document.setString(4, r.timestamp());
                document.setString(5, d.title());
                document.setString(6, d.text());
                document.setString(7, d.published());
                document.setString(8, d.modified());
                document.setString(9, d.authors().isEmpty() ? null : String.join("\n", d.authors()));
                document.setString(10, d.lang());
                document.setString(11, d.canonical());
                document.setString(12, d.siteName());
                document.setString(13, d.description());
                document.setString(14, d.contentType());
                document.setString(15, d.error());
                document.executeUpdate();
                long documentId = lastRowId(lastId);
                searchable.add(new Searchable(documentId, d));
                if (!d.links().isEmpty()) {
                    link.setLong(1, documentId);
                    link.setBytes(2, PackedLinks.pack(d.links()));
                    link.executeUpdate();
                }
                boolean quotes = false;
                for (Quote q : d.quotes()) {
                    quote.setLong(1, documentId);
                    quote.setString(2, q.text());
                    quote.setString(3, q.speaker());
                    quote.setInt(4, q.start());
                    quote.setInt(5, q.end());
                    quote.addBatch();
                    quotes = true;
                }
                if (quotes) quote.executeBatch();
            }
            queue.executeBatch();
            // full-text rows last: FTS5 writes the terms it holds in memory to disk whenever a statement opens a
            // savepoint (the captures insert above does), so rows interleaved with it made a segment per document
            // and its merges: 30 times the cost of writing the batch's terms at once (bench/import.sh)
            for (Searchable s : searchable) {
                fts.setLong(1, s.documentId());
                fts.setString(2, s.document().title());
                fts.setString(3, s.document().text());
                fts.executeUpdate();
            }
            for (Searchable s : searchable) DenseIndex.add(c, s.documentId(), s.document().title(), s.document().text());
        }
        return added;
    }

    private record Searchable(long documentId, Document document) {
    }

    private static long lastRowId(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Deletes every row derived from a file (documents, their links, quotes and search entries, captures). */
    static void deleteRowsOf(Connection c, long fileId) throws SQLException {
        String docs = "SELECT d.id FROM documents d JOIN captures c ON c.id = d.capture_id WHERE c.file_id = " + fileId;
        VersionFlagsTable.deleteRowsOf(c, fileId);
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM derivations WHERE capture_id IN (SELECT id FROM captures WHERE file_id = "
                    + fileId + ")");
            ReuseTables.deleteRowsOf(st, docs);
            st.executeUpdate("DELETE FROM links WHERE document_id IN (" + docs + ")");
            st.executeUpdate("DELETE FROM quotes WHERE document_id IN (" + docs + ")");
            DenseIndex.delete(st, docs);
            st.executeUpdate("INSERT INTO documents_fts (documents_fts, rowid, title, text) "
                    + "SELECT 'delete', d.id, d.title, d.text FROM documents d WHERE d.id IN (" + docs + ")");
            st.executeUpdate("DELETE FROM documents WHERE id IN (" + docs + ")");
            st.executeUpdate("DELETE FROM captures WHERE file_id = " + fileId);
        }
    }
}
