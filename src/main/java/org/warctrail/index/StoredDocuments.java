package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.Quote;

/**
 * Reads back the document the extractor made of a capture (text, metadata, links, quotes), so that two versions
 * can be compared without reading and extracting their WARC records again.
 */
public final class StoredDocuments {
    private final CaptureIndex index;

    public StoredDocuments(CaptureIndex index) {
        this.index = index;
    }

    /** The document of a capture, or of the response a revisit stands for; empty when there is none. */
    public Optional<Document> of(CaptureRow row) {
        try {
            return Optional.ofNullable(index.connections().read(c -> load(c, row)));
        } catch (SQLException e) {
            throw new IndexException("cannot read the document of " + row.url() + " at " + row.timestamp() + ": "
                    + e.getMessage(), e);
        }
    }

    static Document load(Connection c, CaptureRow row) throws SQLException {
        if (!row.revisit()) return loadById(c, row.id());
        Optional<CaptureRow> original = Revisits.original(c, row);
        Document d = original.isEmpty() ? null : loadById(c, original.get().id());
        if (d != null || row.digest() == null) return d;
        // the record referred to has no document (say, a 5xx answer with the same body): any capture of the
        // same payload that has one will do
        try (PreparedStatement st = c.prepareStatement("SELECT c.id FROM captures c JOIN documents d "
                + "ON d.capture_id = c.id WHERE c.surt = ? AND c.digest = ? ORDER BY c.timestamp DESC, c.id DESC LIMIT 1")) {
            st.setString(1, row.surt());
            st.setString(2, row.digest());
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? loadById(c, rs.getLong(1)) : null;
            }
        }
    }

    private static Document loadById(Connection c, long id) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT id, url, content_type, title, text, published, modified, "
                + "authors, lang, canonical, site_name, description, error FROM documents WHERE capture_id = ?")) {
            st.setLong(1, id);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) return null;
                long documentId = rs.getLong("id");
                String authors = rs.getString("authors");
                return new Document(rs.getString("url"), rs.getString("content_type"), rs.getString("title"),
                        rs.getString("text"), rs.getString("published"), rs.getString("modified"),
                        authors == null || authors.isEmpty() ? List.of() : List.of(authors.split("\n")),
                        rs.getString("lang"), rs.getString("canonical"), rs.getString("site_name"),
                        rs.getString("description"), links(c, documentId), quotes(c, documentId), rs.getString("error"));
            }
        }
    }

    private static List<Link> links(Connection c, long documentId) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT links FROM links WHERE document_id = ?")) {
            st.setLong(1, documentId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? PackedLinks.unpack(rs.getBytes(1), documentId) : List.of();
            }
        }
    }

    private static List<Quote> quotes(Connection c, long documentId) throws SQLException {
        List<Quote> out = new ArrayList<>();
        try (PreparedStatement st = c.prepareStatement(
                "SELECT text, speaker, start, \"end\" FROM quotes WHERE document_id = ? ORDER BY start, id")) {
            st.setLong(1, documentId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) out.add(new Quote(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)));
            }
        }
        return out;
    }
}
