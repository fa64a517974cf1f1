package org.warctrail.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jsoup.Jsoup;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * What an import with extraction and full-text search cannot go below, whatever its extractor does: the records
 * read and inflated (jwarc), every page parsed by jsoup on all cores, and its text put in an FTS5 table of the same
 * tokenizer by one writer in transactions of 2,000 rows, as warctrail's writer does. Its figure against import's
 * shows how much of import is the work of extraction itself.
 */
final class ImportFloor {
    private static final Object END = new Object();

    private ImportFloor() {
    }

    /** Runs the floor on the file, with an FTS5 table in a scratch database in {@code out}; returns documents. */
    static int run(Path warc, Path out) throws Exception {
        Path db = out.resolve("floor.sqlite");
        for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService parsers = Executors.newFixedThreadPool(threads);
        BlockingQueue<Object> texts = new ArrayBlockingQueue<>(256);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            try (Statement st = c.createStatement()) {
                st.execute("PRAGMA journal_mode = WAL");
                st.execute("PRAGMA synchronous = NORMAL");
                st.execute("CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')");
            }
            Future<Integer> writer = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "floor-writer");
                t.setDaemon(true);
                return t;
            }).submit(() -> write(c, texts));
            List<Future<?>> pending = new ArrayList<>();
            try (WarcReader reader = new WarcReader(warc)) {
                for (WarcRecord record : reader) {
                    if (!(record instanceof WarcResponse response)) continue;
                    byte[] body = response.http().body().stream().readAllBytes();
                    String url = response.target();
                    pending.add(parsers.submit(() -> {
                        var doc = Jsoup.parse(new String(body, StandardCharsets.UTF_8), url);
                        texts.put(new String[] {doc.title(), doc.body().text()});
                        return null;
                    }));
                    if (pending.size() > 512) {
                        for (Future<?> f : pending) f.get();
                        pending.clear();
                    }
                }
            }
            for (Future<?> f : pending) f.get();
            texts.put(END);
            return writer.get();
        } finally {
            parsers.shutdown();
            for (String suffix : List.of("", "-wal", "-shm")) Files.deleteIfExists(Path.of(db + suffix));
        }
    }

    private static int write(Connection c, BlockingQueue<Object> texts) throws SQLException, InterruptedException {
        c.setAutoCommit(false);
        int n = 0;
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO t (title, text) VALUES (?, ?)")) {
            for (Object item = texts.take(); item != END; item = texts.take()) {
                String[] doc = (String[]) item;
                insert.setString(1, doc[0]);
                insert.setString(2, doc[1]);
                insert.executeUpdate();
                if (++n % 2000 == 0) c.commit();
            }
        }
        c.commit();
        return n;
    }
}
