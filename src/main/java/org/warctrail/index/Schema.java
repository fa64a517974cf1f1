package org.warctrail.index;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The index schema as an ordered list of migrations; {@code PRAGMA user_version} records how many ran.
 * A later feature adds a migration at the end (reuse signatures, versions, ...); never edit a shipped one.
 */
final class Schema {
    /**
     * A smaller index (bench/index-size.sh: 82 real news pages, the index from 102% to 58% of the WARC files): version
     * flags keyed by their capture alone (its URL key and time are read from the capture, so versions_surt goes);
     * a capture is unique by its record, (file, offset), which no longer repeats its URL; a document's links are
     * one deflated value (see PackedLinks), since they are only ever read whole.
     */
    static final List<String> SMALLER_INDEX_MIGRATION = List.of("""
            CREATE TABLE versions_by_capture (
                capture_id INTEGER PRIMARY KEY REFERENCES captures(id),
                previous_timestamp TEXT,
                kind TEXT NOT NULL,
                changed INTEGER NOT NULL,
                substantive INTEGER NOT NULL,
                score REAL NOT NULL,
                summary TEXT NOT NULL)""",
            "INSERT INTO versions_by_capture SELECT capture_id, previous_timestamp, kind, changed, substantive, "
                    + "score, summary FROM versions",
            "DROP TABLE versions",
            "ALTER TABLE versions_by_capture RENAME TO versions",
            """
            CREATE TABLE captures_by_record (
                id INTEGER PRIMARY KEY,
                file_id INTEGER NOT NULL REFERENCES files(id),
                surt TEXT NOT NULL,
                timestamp TEXT NOT NULL,
                url TEXT NOT NULL,
                status INTEGER NOT NULL,
                mime TEXT,
                digest TEXT,
                record_type TEXT NOT NULL,
                offset INTEGER NOT NULL,
                length INTEGER NOT NULL,
                record_id TEXT,
                redirect TEXT,
                refers_to_url TEXT,
                refers_to_timestamp TEXT,
                method TEXT,
                request_body TEXT)""",
            "INSERT INTO captures_by_record SELECT id, file_id, surt, timestamp, url, status, mime, digest, "
                    + "record_type, offset, length, record_id, redirect, refers_to_url, refers_to_timestamp, "
                    + "method, request_body FROM captures",
            "DROP TABLE captures",
            "ALTER TABLE captures_by_record RENAME TO captures",
            "CREATE INDEX captures_surt ON captures(surt, timestamp)",
            "CREATE INDEX captures_timestamp ON captures(timestamp)",
            // not UNIQUE: a store indexed before may hold two rows at one offset (records sharing a gzip
            // member); IndexWriter skips a record whose (file, offset) is there
            "CREATE INDEX captures_record ON captures(file_id, offset)",
            """
            CREATE TABLE links_packed (
                document_id INTEGER PRIMARY KEY REFERENCES documents(id),
                links BLOB NOT NULL)""",
            "INSERT INTO links_packed SELECT document_id, " + PackedLinks.AGGREGATE + "(position, url, text, "
                    + "COALESCE(context, text), kind, place) FROM links GROUP BY document_id",
            "DROP TABLE links",
            "ALTER TABLE links_packed RENAME TO links");

    /** Each entry is one migration: statements run in one transaction, then user_version = its position. */
    private static final List<List<String>> MIGRATIONS = List.of(
            List.of(
                    """
                    CREATE TABLE files (
                        id INTEGER PRIMARY KEY,
                        name TEXT NOT NULL UNIQUE,
                        size INTEGER NOT NULL DEFAULT 0,
                        mtime INTEGER NOT NULL DEFAULT 0,
                        indexed_bytes INTEGER NOT NULL DEFAULT 0,
                        fingerprint TEXT,
                        origin TEXT,
                        added TEXT NOT NULL)""",
                    "CREATE INDEX files_fingerprint ON files(fingerprint)",
                    """
                    CREATE TABLE captures (
                        id INTEGER PRIMARY KEY,
                        file_id INTEGER NOT NULL REFERENCES files(id),
                        surt TEXT NOT NULL,
                        timestamp TEXT NOT NULL,
                        url TEXT NOT NULL,
                        status INTEGER NOT NULL,
                        mime TEXT,
                        digest TEXT,
                        record_type TEXT NOT NULL,
                        offset INTEGER NOT NULL,
                        length INTEGER NOT NULL,
                        record_id TEXT,
                        redirect TEXT,
                        refers_to_url TEXT,
                        refers_to_timestamp TEXT,
                        UNIQUE (file_id, offset, url, timestamp, record_type))""",
                    "CREATE INDEX captures_surt ON captures(surt, timestamp)",
                    "CREATE INDEX captures_timestamp ON captures(timestamp)",
                    """
                    CREATE TABLE documents (
                        id INTEGER PRIMARY KEY,
                        capture_id INTEGER NOT NULL UNIQUE REFERENCES captures(id),
                        url TEXT NOT NULL,
                        surt TEXT NOT NULL,
                        timestamp TEXT NOT NULL,
                        title TEXT,
                        text TEXT,
                        published TEXT,
                        modified TEXT,
                        authors TEXT,
                        lang TEXT,
                        canonical TEXT,
                        site_name TEXT,
                        description TEXT,
                        content_type TEXT,
                        error TEXT)""",
                    "CREATE INDEX documents_surt ON documents(surt, timestamp)",
                    """
                    CREATE VIRTUAL TABLE documents_fts USING fts5(
                        title, text, content='documents', content_rowid='id',
                        tokenize='unicode61 remove_diacritics 2')""",
                    """
                    CREATE TABLE links (
                        id INTEGER PRIMARY KEY,
                        document_id INTEGER NOT NULL REFERENCES documents(id),
                        position INTEGER NOT NULL,
                        url TEXT NOT NULL,
                        surt TEXT,
                        text TEXT,
                        context TEXT,
                        kind TEXT NOT NULL,
                        place TEXT NOT NULL)""",
                    "CREATE INDEX links_document ON links(document_id)",
                    "CREATE INDEX links_surt ON links(surt)",
                    """
                    CREATE TABLE quotes (
                        id INTEGER PRIMARY KEY,
                        document_id INTEGER NOT NULL REFERENCES documents(id),
                        text TEXT NOT NULL,
                        normalized TEXT NOT NULL,
                        speaker TEXT,
                        start INTEGER NOT NULL,
                        "end" INTEGER NOT NULL)""",
                    "CREATE INDEX quotes_document ON quotes(document_id)",
                    "CREATE INDEX quotes_normalized ON quotes(normalized)"),
            VersionFlagsTable.MIGRATION,
            WatchesTable.MIGRATION,
            // 4: text reuse (provenance) and the vocabulary quote tracing picks rare words from.
            List.of(
                    // LSH band keys of each document's MinHash signature: candidate search by bucket lookups.
                    """
                    CREATE TABLE reuse_bands (
                        band_key INTEGER NOT NULL,
                        document_id INTEGER NOT NULL,
                        PRIMARY KEY (band_key, document_id)) WITHOUT ROWID""",
                    "CREATE INDEX reuse_bands_document ON reuse_bands(document_id)",
                    """
                    CREATE TABLE reuse (
                        id INTEGER PRIMARY KEY,
                        source_id INTEGER NOT NULL REFERENCES documents(id),
                        target_id INTEGER NOT NULL REFERENCES documents(id),
                        words INTEGER NOT NULL,
                        source_share REAL NOT NULL,
                        target_share REAL NOT NULL,
                        UNIQUE (target_id, source_id))""",
                    "CREATE INDEX reuse_source ON reuse(source_id)",
                    """
                    CREATE TABLE reuse_passages (
                        reuse_id INTEGER NOT NULL REFERENCES reuse(id),
                        source_start INTEGER NOT NULL,
                        source_end INTEGER NOT NULL,
                        target_start INTEGER NOT NULL,
                        target_end INTEGER NOT NULL,
                        words INTEGER NOT NULL)""",
                    "CREATE INDEX reuse_passages_reuse ON reuse_passages(reuse_id)",
                    // The highest document id reuse detection has seen: documents above it are still to do.
                    "CREATE TABLE reuse_mark (id INTEGER PRIMARY KEY CHECK (id = 1), document_id INTEGER NOT NULL)",
                    "INSERT INTO reuse_mark (id, document_id) VALUES (1, 0)",
                    "CREATE VIRTUAL TABLE documents_vocab USING fts5vocab(documents_fts, 'row')"),
            // Reuse buckets capped at ReuseTables.BUCKET_LIMIT documents (the earliest, the ones a lookup read):
            // trims those filed before the cap, so candidate lookups read bounded buckets.
            List.of("""
                    DELETE FROM reuse_bands WHERE (band_key, document_id) IN (
                        SELECT band_key, document_id FROM (
                            SELECT band_key, document_id,
                                   row_number() OVER (PARTITION BY band_key ORDER BY document_id) AS n
                            FROM reuse_bands)
                        WHERE n > 64)"""),
            // Site-wide boilerplate: per site, how many pages (one per URL) hold each normalised line, kept as reuse
            // detection records documents. Existing stores re-run detection (mark reset) so the counts cover them.
            List.of("""
                    CREATE TABLE site_lines (
                        site TEXT NOT NULL,
                        line_hash INTEGER NOT NULL,
                        pages INTEGER NOT NULL,
                        PRIMARY KEY (site, line_hash)) WITHOUT ROWID""",
                    "UPDATE reuse_mark SET document_id = 0 WHERE id = 1"),
            // Derived data from one queue after the commit, with a status per capture (see Derivations).
            Derivations.MIGRATION,
            // Reuse storage at a few bytes a key: 31-bit band keys, site line counts keyed by one integer.
            Derivations.COMPACT_REUSE_MIGRATION,
            // New band keys go to a small table first, merged into reuse_bands in key order now and then.
            Derivations.RECENT_BANDS_MIGRATION,
            // Chinese, Japanese, Korean and Thai text searchable inside runs of letters (see DenseIndex).
            DenseIndex.MIGRATION,
            // A smaller index: links.surt and quotes.normalized were never read (links_surt was the third largest
            // structure); a link's context, most often its own text, is stored once (NULL reads as the text); links
            // are kept in (document, position) order, which is how they are read, with no rowid and no extra index.
            List.of("""
                    CREATE TABLE links_by_document (
                        document_id INTEGER NOT NULL REFERENCES documents(id),
                        position INTEGER NOT NULL,
                        url TEXT NOT NULL,
                        text TEXT,
                        context TEXT,
                        kind TEXT NOT NULL,
                        place TEXT NOT NULL,
                        PRIMARY KEY (document_id, position)) WITHOUT ROWID""",
                    "INSERT INTO links_by_document SELECT document_id, position, url, text, NULLIF(context, text), kind, "
                            + "place FROM links",
                    "DROP TABLE links",
                    "ALTER TABLE links_by_document RENAME TO links",
                    "DROP INDEX quotes_normalized",
                    "ALTER TABLE quotes DROP COLUMN normalized"),
            // A response whose HTTP head is unreadable is a failed capture, not a version: flags derived again.
            VersionFlagsTable.UNREADABLE_IS_FAILED_MIGRATION,
            // The method and body of a POST or PUT capture, which pywb's CDX API shows (captures indexed before
            // have none until a reindex; their keys already hold both).
            List.of("ALTER TABLE captures ADD COLUMN method TEXT", "ALTER TABLE captures ADD COLUMN request_body TEXT"),
            // Version flags keyed by capture, captures unique by record, a document's links in one value.
            SMALLER_INDEX_MIGRATION,
            // Band keys of 32 one-row bands: reuse derived again.
            Derivations.ONE_ROW_BANDS_MIGRATION,
            // The last fixity check of each WARC file (verify), which serve shows.
            VerificationsTable.MIGRATION);

    private Schema() {
    }

    static int latestVersion() {
        return MIGRATIONS.size();
    }

    /** The schema version of the database. */
    static int version(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** The schema version just before a migration ran (its position in the list). */
    static int versionBefore(List<String> migration) {
        return MIGRATIONS.indexOf(migration);
    }

    /** Brings the database up to the latest version; refuses one written by a newer warctrail. */
    static void migrate(Connection connection) throws SQLException {
        migrate(connection, MIGRATIONS.size());
    }

    /** Brings the database up to version {@code upTo} (tests make stores of an earlier version with it). */
    static void migrate(Connection connection, int upTo) throws SQLException {
        boolean auto = connection.getAutoCommit();
        // The writer connection begins IMMEDIATE transactions, so two processes never migrate at once.
        connection.setAutoCommit(false);
        PackedLinks.defineAggregate(connection);
        try (Statement st = connection.createStatement()) {
            int version;
            try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
                version = rs.next() ? rs.getInt(1) : 0;
            }
            if (version > MIGRATIONS.size()) {
                throw new NewerSchemaException(version, MIGRATIONS.size());
            }
            for (int v = version; v < upTo; v++) {
                for (String sql : MIGRATIONS.get(v)) st.execute(sql);
                st.execute("PRAGMA user_version = " + (v + 1));
            }
            connection.commit();
        } catch (SQLException e) {
            Connections.rollback(connection, e);
            throw e;
        } finally {
            connection.setAutoCommit(auto);
        }
    }
}
