package org.warctrail.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Index size against archive size for a store: the bytes of {@code index.sqlite} beside the bytes of its WARC
 * files, and what takes the index's space, per table with its indexes, from SQLite's {@code dbstat} table.
 * {@code bench/index-size.sh} captures the benchmark's real pages into a fresh store and runs this on it.
 *
 * <pre>java -cp ... org.warctrail.bench.IndexSizeBench STORE_DIR</pre>
 */
public final class IndexSizeBench {
    private IndexSizeBench() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        Path store = Path.of(args.length > 0 ? args[0] : "bench/out/index-size/store");
        Path db = store.resolve("index.sqlite");
        long warc;
        try (Stream<Path> files = Files.list(store.resolve("warcs"))) {
            warc = files.mapToLong(p -> p.toFile().length()).sum();
        }
        long index = Files.size(db);
        Map<String, Long> byTable = new LinkedHashMap<>();
        long documents;
        long captures;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            index = Files.size(db);
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(m.tbl_name, s.name), SUM(s.pgsize) FROM dbstat s "
                    + "LEFT JOIN sqlite_schema m ON m.name = s.name GROUP BY 1 ORDER BY 2 DESC")) {
                while (rs.next()) byTable.merge(table(rs.getString(1)), rs.getLong(2), Long::sum);
            }
            documents = count(st, "documents");
            captures = count(st, "captures");
        }
        System.out.printf(Locale.ROOT, "captures %d, documents %d%n", captures, documents);
        System.out.printf(Locale.ROOT, "WARC bytes  %,d%nindex bytes %,d (%.0f%% of the WARC files)%n", warc, index,
                100.0 * index / warc);
        long total = index;
        System.out.println("by table (with its indexes):");
        byTable.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 32 * 1024)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-22s %,11d  %4.1f%%%n", e.getKey(), e.getValue(),
                        100.0 * e.getValue() / total));
    }

    /** FTS5 shadow tables (name_data, name_idx, ...) count as their full-text table. */
    private static String table(String name) {
        return name.replaceAll("_(data|idx|docsize|config|content)$", "");
    }

    private static long count(Statement st, String table) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }
}
