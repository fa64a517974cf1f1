package org.warctrail.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.warctrail.capture.PayloadHistory;
import org.warctrail.capture.PriorCapture;

/**
 * The SQLite capture index ({@code index.sqlite}, WAL mode): captures, files, documents with full-text search,
 * links and quotes. Reads come from a pool of connections while one writer adds rows, so a web server can
 * answer while a capture or an import runs. Only replayable records (response, revisit, resource) have rows.
 */
public final class CaptureIndex implements CaptureLookup, PayloadHistory, Closeable {
    static final String ROW_COLUMNS = "c.id, c.surt, c.timestamp, c.url, c.status, c.mime, c.digest, "
            + "c.record_type, c.offset, c.length, f.name, c.record_id, c.redirect, c.refers_to_url, "
            + "c.refers_to_timestamp, c.method, c.request_body FROM captures c JOIN files f ON f.id = c.file_id";

    /** Rows per CDX page: large enough that paging costs little, small enough to hold in memory. */
    static final int CDX_PAGE = 1000;

    private final Path file;
    private final Connections connections;
    private final DocumentSearch search;

    private CaptureIndex(Path file, Connections connections) {
        this.file = file;
        this.connections = connections;
        this.search = new DocumentSearch(connections);
    }

    /** Opens (creating and migrating as needed) the index at {@code file}. */
    public static CaptureIndex open(Path file) throws IOException {
        try {
            Connections connections = new Connections(file);
            try {
                // an index already at the latest version is opened without taking the write lock
                if (connections.read(Schema::version) != Schema.latestVersion()) {
                    connections.write(c -> {
                        Schema.migrate(c);
                        return null;
                    });
                }
                if (connections.read(DenseIndex::backfillPending)) DenseIndex.backfill(connections);
            } catch (SQLException e) {
                connections.close();
                throw e;
            }
            return new CaptureIndex(file, connections);
        } catch (SQLException e) {
            throw new IOException("cannot open index " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public DocumentSearch search() {
        return search;
    }

    Connections connections() {
        return connections;
    }

    // ---- files

    public List<IndexedFile> files() {
        return query("SELECT id, name, size, mtime, indexed_bytes, fingerprint, origin FROM files ORDER BY name",
                List.of(), CaptureIndex::file);
    }

    public Optional<IndexedFile> file(String name) {
        return query("SELECT id, name, size, mtime, indexed_bytes, fingerprint, origin FROM files WHERE name = ?",
                List.of(name), CaptureIndex::file).stream().findFirst();
    }

    public Optional<IndexedFile> fileByFingerprint(String fingerprint) {
        return query("SELECT id, name, size, mtime, indexed_bytes, fingerprint, origin FROM files "
                + "WHERE fingerprint = ? ORDER BY id", List.of(fingerprint), CaptureIndex::file).stream().findFirst();
    }

    /** Files of this size found rather than imported, whose fingerprint is not known yet. */
    public List<IndexedFile> filesWithoutFingerprint(long size) {
        return query("SELECT id, name, size, mtime, indexed_bytes, fingerprint, origin FROM files "
                + "WHERE fingerprint IS NULL AND size = ? ORDER BY id", List.of(size), CaptureIndex::file);
    }

    /** The capture rows of one file. */
    public long captureCount(long fileId) {
        return query("SELECT COUNT(*) FROM captures WHERE file_id = ?", List.of(fileId), rs -> rs.getLong(1)).get(0);
    }

    /** Adds a file (or returns the one of that name already known). */
    public IndexedFile registerFile(String name, long size, long mtime, String fingerprint, String origin) {
        try {
            connections.transaction(c -> {
                try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO files "
                        + "(name, size, mtime, indexed_bytes, fingerprint, origin, added) VALUES (?, ?, ?, 0, ?, ?, ?)")) {
                    st.setString(1, name);
                    st.setLong(2, size);
                    st.setLong(3, mtime);
                    st.setString(4, fingerprint);
                    st.setString(5, origin);
                    st.setString(6, Instant.now().toString());
                    st.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IndexException("cannot register " + name + ": " + e.getMessage(), e);
        }
        return file(name).orElseThrow();
    }

    /** Records a file's fingerprint (computed late for a file that was found rather than imported). */
    public void setFingerprint(long fileId, String fingerprint) {
        update("UPDATE files SET fingerprint = ? WHERE id = ?", fingerprint, fileId);
    }

    /** Forgets a file and every row derived from it (before indexing it again differently). */
    public void forgetFile(long fileId) {
        try {
            connections.transaction(c -> {
                try (PreparedStatement st = c.prepareStatement("DELETE FROM files WHERE id = ?")) {
                    IndexWriter.deleteRowsOf(c, fileId);
                    st.setLong(1, fileId);
                    st.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IndexException("cannot forget file " + fileId + ": " + e.getMessage(), e);
        }
    }

    private static IndexedFile file(ResultSet rs) throws SQLException {
        return new IndexedFile(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7));
    }

    // ---- CaptureLookup

    @Override
    public List<CaptureRow> captures(String url) {
        return query("SELECT " + ROW_COLUMNS + " WHERE c.surt = ? ORDER BY c.timestamp, c.id",
                List.of(SurtKey.of(url)), CaptureIndex::row);
    }

    @Override
    public Optional<CaptureRow> closest(String url, String timestamp) {
        String surt = SurtKey.of(url);
        String ts = SurtKey.padLow(timestamp);
        Optional<CaptureRow> before = query("SELECT " + ROW_COLUMNS + " WHERE c.surt = ? AND c.timestamp <= ? "
                + "ORDER BY c.timestamp DESC, c.id LIMIT 1", List.of(surt, ts), CaptureIndex::row).stream().findFirst();
        Optional<CaptureRow> after = query("SELECT " + ROW_COLUMNS + " WHERE c.surt = ? AND c.timestamp > ? "
                + "ORDER BY c.timestamp, c.id LIMIT 1", List.of(surt, ts), CaptureIndex::row).stream().findFirst();
        if (before.isEmpty()) return after;
        if (after.isEmpty()) return before;
        Instant target = SurtKey.instant(ts);
        Duration toBefore = Duration.between(SurtKey.instant(before.get().timestamp()), target);
        Duration toAfter = Duration.between(target, SurtKey.instant(after.get().timestamp()));
        return toAfter.compareTo(toBefore) < 0 ? after : before;
    }

    @Override
    public Optional<CaptureRow> resolveRevisit(CaptureRow row) {
        if (!row.revisit()) return Optional.of(row);
        try {
            return connections.read(c -> Revisits.original(c, row));
        } catch (SQLException e) {
            throw new IndexException("cannot resolve the revisit of " + row.url() + ": " + e.getMessage(), e);
        }
    }

    /** A document capture: a successful response of a page type (as {@code CaptureRecords.isDocument} reads it). */
    private static final String DOCUMENT_CAPTURE = "(c.status BETWEEN 200 AND 299 AND (c.mime IN ('text/html', "
            + "'application/xhtml+xml', 'application/pdf', 'application/msword', 'application/rtf', 'text/rtf', "
            + "'application/epub+zip') OR c.mime LIKE 'application/vnd.openxmlformats-officedocument.%' "
            + "OR c.mime LIKE 'application/vnd.oasis.opendocument.%'))";

    @Override
    public List<UrlSummary> urls(int offset, int limit, boolean documentsOnly) {
        // SQLite takes the bare columns (url, status, mime) from the row holding MAX(timestamp).
        return query("""
                SELECT c.url, c.surt, COUNT(*), MIN(c.timestamp), MAX(c.timestamp), c.status, c.mime,
                       (SELECT d.title FROM documents d WHERE d.surt = c.surt AND d.title IS NOT NULL
                        ORDER BY d.timestamp DESC LIMIT 1)
                FROM captures c GROUP BY c.surt""" + (documentsOnly ? " HAVING SUM(" + DOCUMENT_CAPTURE + ") > 0" : "")
                        + " ORDER BY MAX(c.timestamp) DESC, c.surt LIMIT ? OFFSET ?",
                List.of(limit, offset), rs -> new UrlSummary(rs.getString(1), rs.getString(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8)));
    }

    @Override
    public long urlCount(boolean documentsOnly) {
        if (!documentsOnly) return query("SELECT COUNT(DISTINCT surt) FROM captures", List.of(), rs -> rs.getLong(1)).get(0);
        return query("SELECT COUNT(*) FROM (SELECT 1 FROM captures c GROUP BY c.surt HAVING SUM(" + DOCUMENT_CAPTURE
                + ") > 0)", List.of(), rs -> rs.getLong(1)).get(0);
    }

    /**
     * Rows a page at a time: each page is read with a pooled connection that goes back to the pool before the
     * rows go to {@code out}, so a consumer writing to a slow network client never holds one of the few reader
     * connections (searches and pages go on). The next page starts after the last row's key, so rows written
     * meanwhile are neither repeated nor skipped.
     */
    @Override
    public void cdx(CdxQuery query, Consumer<CaptureRow> out) {
        CdxSql sql = CdxSql.of(query);
        // Pages keyed by the last row: no reader connection is held while the consumer writes to a client.
        CdxOrder order = new CdxOrder(CdxLines::cdxj, query.reverse(), query.limit(), (row, line) -> out.accept(row));
        CaptureRow last = null;
        while (true) {
            List<CaptureRow> page = query("SELECT " + ROW_COLUMNS + sql.page(last, CDX_PAGE),
                    sql.pageParameters(last), CaptureIndex::row);
            for (CaptureRow row : page) {
                if (!order.accept(row)) return;
            }
            if (page.size() < CDX_PAGE) break;
            last = page.get(page.size() - 1);
        }
        order.finish();
    }

    @Override
    public StoreStats stats() {
        return query("SELECT (SELECT COUNT(*) FROM captures), (SELECT COUNT(DISTINCT surt) FROM captures), "
                        + "(SELECT COUNT(*) FROM documents), (SELECT COUNT(*) FROM files), "
                        + "(SELECT COALESCE(SUM(size), 0) FROM files)", List.of(),
                rs -> new StoreStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .get(0);
    }

    // ---- PayloadHistory

    /**
     * The last response or revisit of the URL, as a revisit record would refer to it: for a revisit, the
     * response it stands for; never a failed capture (a server error, an unreadable HTTP head), which a later good
     * answer must not be a revisit of. The digest is given as WARC headers write it ({@code sha1:BASE32}).
     */
    @Override
    public Optional<PriorCapture> lastCapture(String url) {
        Optional<CaptureRow> last = query("SELECT " + ROW_COLUMNS + " WHERE c.surt = ? AND c.digest IS NOT NULL "
                        + "AND c.record_type IN ('response', 'revisit') AND NOT " + CaptureRow.failedSql("c") + " "
                        + "ORDER BY c.timestamp DESC, c.id DESC LIMIT 1",
                List.of(SurtKey.of(url)), CaptureIndex::row).stream().findFirst();
        if (last.isEmpty()) return Optional.empty();
        CaptureRow original = resolveRevisit(last.get()).orElse(last.get());
        String digest = last.get().digest();
        return Optional.of(new PriorCapture(original.url(), SurtKey.instant(original.timestamp()),
                digest.contains(":") ? digest : "sha1:" + digest, original.recordId()));
    }

    // ---- plumbing

    static CaptureRow row(ResultSet rs) throws SQLException {
        return new CaptureRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                rs.getString(6), rs.getString(7), RecordType.of(rs.getString(8)), rs.getLong(9), rs.getLong(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17));
    }

    static void bind(PreparedStatement st, List<?> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            Object p = parameters.get(i);
            if (p == null) st.setNull(i + 1, java.sql.Types.VARCHAR);
            else st.setObject(i + 1, p);
        }
    }

    <T> List<T> query(String sql, List<?> parameters, RowMapper<T> mapper) {
        try {
            return connections.read(c -> {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    bind(st, parameters);
                    try (ResultSet rs = st.executeQuery()) {
                        List<T> out = new ArrayList<>();
                        while (rs.next()) out.add(mapper.map(rs));
                        return out;
                    }
                }
            });
        } catch (SQLException e) {
            throw new IndexException("index query failed: " + e.getMessage(), e);
        }
    }

    private void update(String sql, Object... parameters) {
        try {
            connections.transaction(c -> {
                try (PreparedStatement st = c.prepareStatement(sql)) {
                    bind(st, List.of(parameters));
                    st.executeUpdate();
                }
                return null;
            });
        } catch (SQLException e) {
            throw new IndexException("index update failed: " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Override
    public void close() {
        connections.close();
    }
}
