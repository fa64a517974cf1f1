package org.warctrail.index;

import java.io.Closeable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;

/**
 * What the index's documents and links tables say about a capture, for an export: its title and the requisites
 * (images, CSS, scripts) its extracted links name. Reads through its own read-only connection (WAL lets it read
 * beside a writer); an index without those tables, or none at all, answers empty.
 */
public final class IndexDocuments implements Closeable {
    private final Connection connection;
    private final PreparedStatement title;
    private final PreparedStatement document;
    private final PreparedStatement requisites;

    private IndexDocuments(Connection connection) throws SQLException {
        this.connection = connection;
        this.title = connection.prepareStatement("SELECT title FROM documents WHERE capture_id = ?");
        this.document = connection.prepareStatement("SELECT id FROM documents WHERE capture_id = ?");
        this.requisites = connection.prepareStatement("SELECT links FROM links WHERE document_id = ?");
    }

    /** The documents of the index file, or empty when it has none (no file, or no documents and links tables). */
    public static Optional<IndexDocuments> open(Path indexFile) {
        if (!Files.isRegularFile(indexFile)) return Optional.empty();
        SqliteNativeLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(60_000);
        Connection c = null;
        try {
            c = config.createConnection("jdbc:sqlite:" + indexFile.toAbsolutePath());
            return Optional.of(new IndexDocuments(c));
        } catch (SQLException e) {
            if (c != null) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // the statement preparation failed: the tables are missing, which is what we report
                }
            }
            return Optional.empty();
        }
    }

    /** The extracted title of a capture, if it has a document with one. */
    public Optional<String> title(long captureId) {
        try {
            title.setLong(1, captureId);
            try (ResultSet rs = title.executeQuery()) {
                if (rs.next()) {
                    String t = rs.getString(1);
                    if (t != null && !t.isBlank()) return Optional.of(t.strip());
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new IndexException("reading the title of capture " + captureId + ": " + e.getMessage(), e);
        }
    }

    /** The requisite URLs the links table holds for a capture; empty when it has no document or no such links. */
    public List<String> requisites(long captureId) {
        try {
            document.setLong(1, captureId);
            long documentId;
            try (ResultSet rs = document.executeQuery()) {
                if (!rs.next()) return List.of();
                documentId = rs.getLong(1);
            }
            requisites.setLong(1, documentId);
            List<String> urls = new ArrayList<>();
            try (ResultSet rs = requisites.executeQuery()) {
                if (!rs.next()) return urls;
                for (Link l : PackedLinks.unpack(rs.getBytes(1), documentId)) {
                    if (l.kind() == LinkKind.REQUISITE) urls.add(l.url());
                }
            }
            return urls;
        } catch (SQLException e) {
            throw new IndexException("reading the links of capture " + captureId + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing a read-only connection loses nothing
        }
    }
}
