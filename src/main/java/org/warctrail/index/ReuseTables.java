package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The text-reuse tables: LSH band keys per document (the bucket table candidate search reads), the reuse found
 * between documents with its passages, and per-site line counts. Detection itself is provenance's, run as a
 * {@link Deriver}; this is its storage. Writes go into a derivation batch's transaction ({@link #record}).
 */
public final class ReuseTables {
    private static final String DOCUMENT_COLUMNS = "d.id, d.url, d.timestamp, d.published, d.title, d.site_name, d.text";

    private final CaptureIndex index;
    private final Connections connections;

    public ReuseTables(CaptureIndex index) {
        this.index = index;
        this.connections = index.connections();
    }

    /**
     * Documents filed per band key: a later document with a full bucket's key is not filed under it. A lookup reads
     * at most this many per key (the earliest), so those it leaves out would never be read; capping on insert keeps
     * every bucket, and so every lookup, bounded even where a site's boilerplate shares a key across thousands of
     * pages. The detector decides the cap from the bucket sizes its lookups read ({@link BandLookup#bucketSizes}).
     */
    public static final int BUCKET_LIMIT = 64;
    /** Band keys looked up per statement. */
    private static final int KEYS_PER_QUERY = 64;

    /**
     * What a band-key lookup read.
     *
     * @param documents   the documents filed under any of the keys, with how many keys each shares (at most
     *                    perKeyLimit counted per key)
     * @param bucketSizes how many documents each key's bucket holds (keys absent: none)
     */
    public record BandLookup(Map<Long, Integer> documents, Map<Long, Integer> bucketSizes) {
    }

    /**
     * The documents filed under any of the keys with how many keys each shares, counting at most perKeyLimit per key,
     * and the size of each bucket read. One statement per {@value #KEYS_PER_QUERY} keys rather than one per key: the
     * driver's cost per statement, not the bucket reads, was most of a lookup. Buckets hold at most
     * {@value #BUCKET_LIMIT} rows, so the read is bounded.
     */
    public BandLookup lookup(long[] bandKeys, int perKeyLimit) {
        try {
            return connections.read(c -> {
                Map<Long, Integer> found = new HashMap<>();
                Map<Long, Integer> sizes = new HashMap<>();
                for (int from = 0; from < bandKeys.length; from += KEYS_PER_QUERY) {
                    int n = Math.min(KEYS_PER_QUERY, bandKeys.length - from);
                    String marks = String.join(", ", Collections.nCopies(n, "?"));
                    try (PreparedStatement st = c.prepareStatement(
                            "SELECT band_key, document_id FROM reuse_bands WHERE band_key IN (" + marks + ") UNION ALL "
                                    + "SELECT band_key, document_id FROM reuse_bands_recent WHERE band_key IN (" + marks
                                    + ")")) {
                        for (int k = 0; k < n; k++) {
                            st.setLong(k + 1, bandKeys[from + k]);
                            st.setLong(n + k + 1, bandKeys[from + k]);
                        }
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                if (sizes.merge(rs.getLong(1), 1, Integer::sum) <= perKeyLimit) {
                                    found.merge(rs.getLong(2), 1, Integer::sum);
                                }
                            }
                        }
                    }
                }
                return new BandLookup(found, sizes);
            });
        } catch (SQLException e) {
            throw new IndexException("reuse candidate lookup failed: " + e.getMessage(), e);
        }
    }

    /** The documents filed under any of the keys, as {@link #lookup} counts them. */
    public Map<Long, Integer> candidates(long[] bandKeys, int perKeyLimit) {
        return lookup(bandKeys, perKeyLimit).documents();
    }

    /**
     * Records what detection found for one document, in a derivation batch's transaction: the band keys to file
     * it under (those whose bucket is not full), the distinct line hashes to count in its site's
     * {@code site_line_counts} (empty when an earlier document of the same URL was counted: a site's pages count once
     * per URL) and the reuse (either direction). Rows already present are kept as they are.
     */
    public void record(DerivationTransaction tx, long documentId, long[] bandKeys, String site, long[] lineHashes,
                       List<StoredReuse> found) {
        Connection c = tx.connection;
        try {
            for (long key : bandKeys) tx.bands.add(new long[] {key, documentId});
            if (!site.isEmpty() && lineHashes.length > 0) countLines(c, site, lineHashes);
            for (StoredReuse r : found) save(c, r);
        } catch (SQLException e) {
            throw new IndexException("cannot record reuse of document " + documentId + ": " + e.getMessage(), e);
        }
    }

    /** Whether no earlier document has the same URL (SURT): only the first of a URL's captures counts its lines. */
    public boolean firstOfItsUrl(long documentId) {
        return index.query("SELECT 1 FROM documents e, documents d WHERE d.id = ? AND e.surt = d.surt AND e.id < d.id "
                + "LIMIT 1", List.of(documentId), rs -> 1).isEmpty();
    }

    private static void countLines(Connection c, String site, long[] lineHashes) throws SQLException {
        long siteHash = siteHash(site);
        try (PreparedStatement st = c.prepareStatement("INSERT INTO site_line_counts (line_key, pages) VALUES (?, 1) "
                + "ON CONFLICT (line_key) DO UPDATE SET pages = pages + 1")) {
            for (long hash : lineHashes) {
                st.setLong(1, lineKey(siteHash, hash));
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /**
     * The key of a line of a site in {@code site_line_counts}: site and line hashed into 47 bits, the row id of a
     * table of two integers (about 12 bytes a row, against 30 with the site's name in every row). Among a million
     * lines a chance collision is about one in 100,000, and would only make a line look one page more common.
     */
    static long lineKey(long siteHash, long lineHash) {
        long h = (siteHash ^ Long.rotateLeft(lineHash, 29)) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        return h >>> 17;
    }

    private static long siteHash(String site) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < site.length(); i++) {
            h ^= site.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** How many pages of the site (one per URL, as counted by {@link #record}) hold the line; 0 if none. */
    public int siteLinePages(String site, long lineHash) {
        try {
            return connections.read(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "SELECT pages FROM site_line_counts WHERE line_key = ?")) {
                    st.setLong(1, lineKey(siteHash(site), lineHash));
                    try (ResultSet rs = st.executeQuery()) {
                        return rs.next() ? rs.getInt(1) : 0;
                    }
                }
            });
        } catch (SQLException e) {
            throw new IndexException("cannot read the line counts of " + site + ": " + e.getMessage(), e);
        }
    }

    /** Band keys kept in the recent table at least, before a merge into the main one. */
    private static final long MERGE_AT_LEAST = 1 << 14;
    /** The recent table is merged when it would hold this fraction of the (estimated) main table's rows. */
    private static final int MERGE_FRACTION = 16;
    /** Keys a document files, about (the signature's bands, ReuseSignature.BANDS): sizes the main table. */
    private static final int KEYS_PER_DOCUMENT = 32;

    /**
     * Inserts the band keys the batch's documents filed, in key order (see {@link DerivationTransaction#bands}),
     * into {@code reuse_bands_recent}, a small table whose few pages a transaction rewrites; when it would grow
     * past a sixteenth of the main table, they go into {@code reuse_bands} with those the recent table holds, in key
     * order, which rewrites each page of the main table once for many transactions' keys instead of once per
     * transaction (keys are random, so a transaction's inserts would touch pages all over a big table). A batch that
     * large by itself (an import) goes straight into the main table: through the recent table its pages would only be
     * left free, a sixteenth of the main table kept in the file for nothing. Lookups read both tables.
     */
    static void insertBands(DerivationTransaction tx) throws SQLException {
        if (tx.bands.isEmpty()) return;
        sortByKeyThenDocument(tx.bands);
        Connection c = tx.connection;
        try (Statement st = c.createStatement()) {
            long recent;
            long main;
            try (ResultSet rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM reuse_bands_recent), "
                    + "(SELECT COALESCE(MAX(id), 0) FROM documents) * " + KEYS_PER_DOCUMENT)) {
                rs.next();
                recent = rs.getLong(1);
                main = rs.getLong(2); // an estimate that costs no count of the big table
            }
            boolean merge = recent + tx.bands.size() >= Math.max(MERGE_AT_LEAST, main / MERGE_FRACTION);
            insert(c, merge ? "reuse_bands" : "reuse_bands_recent", tx.bands);
            tx.bands.clear();
            if (!merge || recent == 0) return;
            st.executeUpdate("INSERT OR IGNORE INTO reuse_bands (band_key, document_id) "
                    + "SELECT band_key, document_id FROM reuse_bands_recent ORDER BY band_key, document_id");
            st.executeUpdate("DELETE FROM reuse_bands_recent");
        }
    }

    /**
     * Sorts (band key, document id) rows. Keys are 31 bits and ids below 2^32 pack into one long each whose order is
     * the rows' order: a primitive sort instead of comparing arrays (a tenth of the index writer's time).
     */
    static void sortByKeyThenDocument(List<long[]> rows) {
        boolean packable = true;
        for (long[] row : rows) packable &= row[0] >= 0 && row[0] < (1L << 31) && row[1] >= 0 && row[1] < (1L << 32);
        if (!packable) {
            rows.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
            return;
        }
        long[] packed = new long[rows.size()];
        for (int i = 0; i < packed.length; i++) packed[i] = rows.get(i)[0] << 32 | rows.get(i)[1];
        java.util.Arrays.sort(packed);
        for (int i = 0; i < packed.length; i++) {
            long[] row = rows.get(i);
            row[0] = packed[i] >>> 32;
            row[1] = packed[i] & 0xFFFF_FFFFL;
        }
    }

    private static void insert(Connection c, String table, List<long[]> bands) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(
                "INSERT OR IGNORE INTO " + table + " (band_key, document_id) VALUES (?, ?)")) {
            for (long[] row : bands) {
                st.setLong(1, row[0]);
                st.setLong(2, row[1]);
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    private static void save(Connection c, StoredReuse r) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("INSERT OR IGNORE INTO reuse (source_id, target_id, words, "
                + "source_share, target_share) VALUES (?, ?, ?, ?, ?)")) {
            st.setLong(1, r.sourceId());
            st.setLong(2, r.targetId());
            st.setInt(3, r.words());
            st.setDouble(4, r.sourceShare());
            st.setDouble(5, r.targetShare());
            if (st.executeUpdate() == 0) return;
        }
        long reuseId;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
            rs.next();
            reuseId = rs.getLong(1);
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO reuse_passages (reuse_id, source_start, "
                + "source_end, target_start, target_end, words) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (StoredPassage p : r.passages()) {
                st.setLong(1, reuseId);
                st.setInt(2, p.sourceStart());
                st.setInt(3, p.sourceEnd());
                st.setInt(4, p.targetStart());
                st.setInt(5, p.targetEnd());
                st.setInt(6, p.words());
                st.addBatch();
            }
            st.executeBatch();
        }
    }

    /** The documents of a URL (any capture, SURT match) whose derived data is not stored yet (pending or failed). */
    public List<CandidateDocument> underivedDocuments(String url) {
        return index.query("SELECT " + DOCUMENT_COLUMNS + " FROM documents d JOIN derivations q "
                + "ON q.capture_id = d.capture_id WHERE d.surt = ? ORDER BY d.id", List.of(SurtKey.of(url)),
                ReuseTables::document);
    }

    public Optional<CandidateDocument> document(long id) {
        return index.query("SELECT " + DOCUMENT_COLUMNS + " FROM documents d WHERE d.id = ?", List.of(id),
                ReuseTables::document).stream().findFirst();
    }

    public Optional<String> url(long id) {
        return index.query("SELECT url FROM documents WHERE id = ?", List.of(id), rs -> rs.getString(1)).stream()
                .findFirst();
    }

    /** The URLs of documents, read in one query per 500 ids. */
    public Map<Long, String> urls(Collection<Long> ids) {
        Map<Long, String> urls = new HashMap<>();
        List<Long> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += 500) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + 500));
            String marks = String.join(", ", Collections.nCopies(part.size(), "?"));
            for (Object[] row : index.query("SELECT id, url FROM documents WHERE id IN (" + marks + ")", part,
                    rs -> new Object[] {rs.getLong(1), rs.getString(2)})) {
                urls.put((Long) row[0], (String) row[1]);
            }
        }
        return urls;
    }

    /** Reuse whose target is a document of the URL (any capture, SURT match), most words first. */
    public List<StoredReuse> reuseInto(String url) {
        record Row(long id, long sourceId, String sourceUrl, long targetId, String targetUrl, int words,
                   double sourceShare, double targetShare) {
        }
        List<Row> rows = index.query("SELECT r.id, r.source_id, s.url, r.target_id, t.url, r.words, r.source_share, "
                        + "r.target_share FROM reuse r JOIN documents t ON t.id = r.target_id "
                        + "JOIN documents s ON s.id = r.source_id WHERE t.surt = ? ORDER BY r.words DESC, r.id",
                List.of(SurtKey.of(url)), rs -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5), rs.getInt(6), rs.getDouble(7), rs.getDouble(8)));
        List<StoredReuse> out = new ArrayList<>();
        for (Row r : rows) {
            List<StoredPassage> passages = index.query("SELECT source_start, source_end, target_start, target_end, "
                    + "words FROM reuse_passages WHERE reuse_id = ? ORDER BY target_start", List.of(r.id),
                    rs -> new StoredPassage(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
            out.add(new StoredReuse(r.sourceId, r.sourceUrl, r.targetId, r.targetUrl, r.words, r.sourceShare,
                    r.targetShare, passages));
        }
        return out;
    }

    /** Deletes the reuse rows of the documents a subquery selects (with the documents of a forgotten file). */
    static void deleteRowsOf(Statement st, String documentIds) throws SQLException {
        String reuse = "SELECT id FROM reuse WHERE source_id IN (" + documentIds + ") OR target_id IN (" + documentIds + ")";
        st.executeUpdate("DELETE FROM reuse_passages WHERE reuse_id IN (" + reuse + ")");
        st.executeUpdate("DELETE FROM reuse WHERE id IN (" + reuse + ")");
        // no index on document_id (lookups go by band key): forgetting a file scans the table once
        st.executeUpdate("DELETE FROM reuse_bands WHERE document_id IN (" + documentIds + ")");
        st.executeUpdate("DELETE FROM reuse_bands_recent WHERE document_id IN (" + documentIds + ")");
    }

    private static CandidateDocument document(ResultSet rs) throws SQLException {
        return new CandidateDocument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), List.of());
    }
}
