package org.warctrail.index;

import java.io.Closeable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;
import org.sqlite.SQLiteConfig;

/**
 * Connections to one index file: a single writer (writes serialized by a lock here and by SQLite's write
 * lock across processes) and a small pool of readers, so that {@code serve} reads while {@code capture} writes.
 */
final class Connections implements Closeable {
    private static final int READERS = 4;

    private final String url;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(READERS);
    private final List<Connection> all = new ArrayList<>();
    private int opened;
    private boolean closed;

    Connections(Path file) throws SQLException {
        this.url = "jdbc:sqlite:" + file.toAbsolutePath();
        this.writer = open(false);
    }

    private Connection open(boolean readOnly) throws SQLException {
        SqliteNativeLibrary.prepare();
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(60_000);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        config.setCacheSize(-32_000);
        if (!readOnly) config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        Connection c = config.createConnection(url);
        // Memory-mapped reads share the OS page cache between connections instead of copying pages into each
        // one's own cache: index lookups (LSH buckets, FTS) stay fast when the index outgrows the page cache.
        try (var st = c.createStatement()) {
            st.execute("PRAGMA mmap_size = 1073741824");
        }
        synchronized (all) {
            all.add(c);
        }
        return c;
    }

    /**
     * Runs {@code work} in a transaction of the writer connection (work commits it), holding the write lock.
     * Between transactions the connection is in auto-commit mode, so it holds no lock other processes wait on.
     */
    <T> T write(SqlWork<T> work) throws SQLException {
        writeLock.lock();
        try {
            writer.setAutoCommit(false);
            try {
                return work.run(writer);
            } catch (SQLException | RuntimeException e) {
                rollback(writer, e);
                throw e;
            } finally {
                try {
                    writer.setAutoCommit(true);
                } catch (SQLException e) {
                    // SQLite ended the transaction itself (a full disk): nothing is left to end
                }
            }
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Runs {@code work} in a write transaction and commits it: the one way to write. When work throws, the
     * transaction is rolled back and the exception passes on.
     */
    <T> T transaction(SqlWork<T> work) throws SQLException {
        return write(c -> {
            T result = work.run(c);
            c.commit();
            return result;
        });
    }

    /**
     * Rolls back after {@code cause}. SQLite rolls a transaction back by itself on some errors (a full disk), and
     * a rollback then fails with "no transaction is active", which must not hide the cause.
     */
    static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Runs {@code work} with a reader connection borrowed from the pool. */
    <T> T read(SqlWork<T> work) throws SQLException {
        Connection c = borrow();
        try {
            return work.run(c);
        } finally {
            if (!c.getAutoCommit()) c.rollback();
            idle.offer(c);
        }
    }

    private Connection borrow() throws SQLException {
        Connection c = idle.poll();
        if (c != null) return c;
        synchronized (all) {
            if (closed) throw new SQLException("index is closed");
            if (opened < READERS) {
                opened++;
                return open(true);
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for an index connection", e);
        }
    }

    @Override
    public void close() {
        synchronized (all) {
            closed = true;
            for (Connection c : all) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // closing anyway
                }
            }
            all.clear();
        }
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
