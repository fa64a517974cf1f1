package org.warctrail.index;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The one queue of derived data. Every capture the index writes is queued (table {@code derivations}, in the
 * indexing transaction, so it lives in SQLite and any process finishes what another left); after the commit,
 * {@link #run} takes the pending captures in id order, a batch at a time, runs every {@link Deriver} on each,
 * and writes the batch's derived rows and the captures' new states in one transaction. A capture whose
 * derivation throws is marked failed with the reason and its attempts counted; it blocks nothing after it, and
 * {@link #retry} queues it again. Rows leave the table when done: the table holds only open work.
 *
 * <p>Thread contract: any thread may call {@link #run}; runs are serialized by a lock of this object's own.
 * A call made while another thread is running asks that run to look for pending captures once more and returns
 * at once, so whatever the caller committed before calling is derived by the running thread. Derivers run on
 * the thread that runs, one batch at a time. Two processes may derive the same batch at once: a capture's
 * rows are written only by the transaction that moves it out of pending, so the work is done twice, never
 * stored twice.
 *
 * <p>Indexing calls {@link #afterCommit}: it derives on the indexing thread, unless the archive has a
 * {@link DerivationWorker} (a server), which it then wakes.
 */
public final class Derivations {
    /** The schema migration that adds the queue; stores made before it derive everything again. */
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE derivations (
                capture_id INTEGER PRIMARY KEY REFERENCES captures(id),
                state TEXT NOT NULL,
                reason TEXT,
                attempts INTEGER NOT NULL DEFAULT 0)""",
            // reuse never ran past a store's first document without text: start it over, with the status table
            "DROP TABLE reuse_mark",
            // only deletes used it; a file's rows are rarely deleted, a scan then is cheaper than the index always
            "DROP INDEX reuse_bands_document",
            "DELETE FROM reuse_passages",
            "DELETE FROM reuse",
            "DELETE FROM reuse_bands",
            "DELETE FROM site_lines",
            "INSERT INTO derivations (capture_id, state) SELECT id, 'pending' FROM captures");

    /**
     * The schema migration that makes reuse storage compact (31-bit band keys; site line counts keyed by one
     * integer): the old rows go and every capture is derived again.
     */
    static final List<String> COMPACT_REUSE_MIGRATION = List.of(
            "DROP TABLE site_lines",
            "CREATE TABLE site_line_counts (line_key INTEGER PRIMARY KEY, pages INTEGER NOT NULL)",
            "DELETE FROM reuse_passages",
            "DELETE FROM reuse",
            "DELETE FROM reuse_bands",
            "INSERT OR IGNORE INTO derivations (capture_id, state) SELECT id, 'pending' FROM captures");

    /** The schema migration that adds the small table new band keys go to before a merge (see ReuseTables). */
    static final List<String> RECENT_BANDS_MIGRATION = List.of("""
            CREATE TABLE reuse_bands_recent (
                band_key INTEGER NOT NULL,
                document_id INTEGER NOT NULL,
                PRIMARY KEY (band_key, document_id)) WITHOUT ROWID""");

    /**
     * The schema migration for band keys of 32 one-row bands (see ReuseSignature), half as many as the 64 bands of
     * two rows before: keys filed before cannot meet the new ones, so reuse storage starts over and every capture
     * is derived again.
     */
    static final List<String> ONE_ROW_BANDS_MIGRATION = List.of(
            "DELETE FROM reuse_passages",
            "DELETE FROM reuse",
            "DELETE FROM reuse_bands",
            "DELETE FROM reuse_bands_recent",
            "DELETE FROM site_line_counts",
            "INSERT OR IGNORE INTO derivations (capture_id, state) SELECT id, 'pending' FROM captures");

    /** The states a queued capture is in; done captures leave the table. */
    enum State {
        PENDING, FAILED;

        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Captures read (with their texts) at a time: bounds the memory texts take. */
    private static final int PAGE = 200;
    /**
     * Captures whose derived rows go into one transaction. Band keys are random, so each transaction dirties
     * pages all over the bucket table and writes them to the WAL once: the more keys per transaction, the fewer
     * page writes per key, and the less the cost per document grows with the table.
     */
    private static final int TRANSACTION = 2000;
    private static final int FAILURES_LISTED = 1000;
    private static final String PENDING_SQL = "SELECT c.id, c.surt, c.timestamp, c.url, c.status, c.mime, c.digest, "
            + "c.record_type, c.offset, c.length, f.name, c.record_id, c.redirect, c.refers_to_url, "
            + "c.refers_to_timestamp, c.method, c.request_body, d.id, d.published, d.title, d.site_name, d.text "
            + "FROM derivations q JOIN captures c ON c.id = q.capture_id JOIN files f ON f.id = c.file_id "
            + "LEFT JOIN documents d ON d.capture_id = c.id "
            + "WHERE q.state = 'pending' AND q.capture_id > ? ORDER BY q.capture_id LIMIT ?";

    private final CaptureIndex index;
    private final List<Deriver> derivers;
    private final Consumer<String> notices;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile DerivationWorker worker;

    /**
     * @param derivers what to derive, in this order for each capture
     * @param notices  hears one line when a whole run fails (the index unreadable, say)
     */
    public Derivations(CaptureIndex index, List<Deriver> derivers, Consumer<String> notices) {
        this.index = index;
        this.derivers = List.copyOf(derivers);
        this.notices = notices;
    }

    /** Queues a capture, in the transaction that inserts it. */
    static void enqueue(PreparedStatement insert, long captureId) throws SQLException {
        insert.setLong(1, captureId);
        insert.addBatch();
    }

    static final String ENQUEUE_SQL = "INSERT OR IGNORE INTO derivations (capture_id, state) VALUES (?, 'pending')";

    /** From now on indexing wakes this worker instead of deriving on its own thread. */
    public void deriveOn(DerivationWorker background) {
        this.worker = background;
    }

    /** What indexing calls after each committed batch: derives now, or wakes the background worker. */
    void afterCommit() {
        DerivationWorker background = worker;
        if (background != null) background.wake();
        else run();
    }

    /**
     * Derives every pending capture (see the thread contract above). Never throws: a capture that fails is
     * marked failed; a run that cannot go on (the index unreadable) is reported to the notices and left for the
     * next run.
     *
     * @return captures derived and failed by this call (zero when another thread took the work)
     */
    public Outcome run() {
        return run(() -> false);
    }

    /**
     * As {@link #run()}, looking before each capture whether to stop: when {@code stop} says so, what is derived
     * is stored and the rest stays pending.
     */
    Outcome run(BooleanSupplier stop) {
        requested.set(true);
        Outcome total = new Outcome(0, 0);
        while (requested.get() && !stop.getAsBoolean() && running.tryLock()) {
            try {
                while (!stop.getAsBoolean() && requested.getAndSet(false)) total = total.plus(drain(stop));
            } catch (RuntimeException e) {
                notices.accept("derived data not brought up to date: " + oneLine(e));
            } finally {
                running.unlock();
            }
        }
        return total;
    }

    /** Queues the failed captures again and derives them; returns what this run did. */
    public Outcome retry() {
        try {
            index.connections().transaction(c -> {
                try (PreparedStatement st = c.prepareStatement(
                        "UPDATE derivations SET state = 'pending' WHERE state = 'failed'")) {
                    return st.executeUpdate();
                }
            });
        } catch (SQLException e) {
            throw new IndexException("cannot queue the failed derivations again: " + e.getMessage(), e);
        }
        return run();
    }

    /** Captures derived and failed. */
    public record Outcome(long derived, long failed) {
        Outcome plus(Outcome o) {
            return new Outcome(derived + o.derived, failed + o.failed);
        }
    }

    private Outcome drain(BooleanSupplier stop) {
        Outcome total = new Outcome(0, 0);
        long after = 0;
        while (!stop.getAsBoolean()) {
            List<Deriver.Batch> work = new ArrayList<>(derivers.size());
            for (Deriver d : derivers) work.add(d.batch(index));
            List<Result> results = new ArrayList<>();
            gather:
            while (results.size() < TRANSACTION) {
                List<PendingCapture> page = pending(after);
                if (page.isEmpty()) break;
                for (PendingCapture capture : page) {
                    if (stop.getAsBoolean()) break gather;
                    results.add(derive(work, capture));
                    after = capture.row().id();
                }
            }
            if (results.isEmpty()) return total;
            total = total.plus(storeEach(results));
        }
        return total;
    }

    private List<PendingCapture> pending(long after) {
        return index.query(PENDING_SQL, List.of(after, PAGE), rs -> {
            CaptureRow row = CaptureIndex.row(rs);
            long documentId = rs.getLong(18);
            CandidateDocument d = rs.wasNull() ? null : new CandidateDocument(documentId, row.url(), row.timestamp(),
                    rs.getString(19), rs.getString(20), rs.getString(21), rs.getString(22), List.of());
            return new PendingCapture(row, d);
        });
    }

    /** What one capture's derivation came to: its writes, or why it failed. */
    private record Result(PendingCapture capture, List<Deriver.Write> writes, String failure) {
    }

    /** Runs every deriver on one capture, in memory; the first that throws fails it. */
    private Result derive(List<Deriver.Batch> work, PendingCapture capture) {
        List<Deriver.Write> writes = new ArrayList<>(derivers.size());
        for (int i = 0; i < derivers.size(); i++) {
            try {
                writes.add(work.get(i).derive(capture));
            } catch (Exception | StackOverflowError e) {
                return new Result(capture, List.of(), derivers.get(i).name() + ": " + oneLine(e));
            }
        }
        return new Result(capture, writes, null);
    }

    /** Stores the results in one transaction; when that fails, each on its own, so that only the bad one fails. */
    private Outcome storeEach(List<Result> results) {
        try {
            return store(results);
        } catch (IndexException e) {
            // one capture's rows could not be stored: store each on its own, so only that one fails
            Outcome total = new Outcome(0, 0);
            for (Result r : results) {
                try {
                    total = total.plus(store(List.of(r)));
                } catch (IndexException each) {
                    total = total.plus(store(List.of(new Result(r.capture(), List.of(), "storing: " + oneLine(each)))));
                }
            }
            return total;
        }
    }

    private Outcome store(List<Result> results) {
        try {
            return index.connections().transaction(c -> {
                long derived = 0;
                long failed = 0;
                DerivationTransaction tx = new DerivationTransaction(c);
                try (PreparedStatement done = c.prepareStatement(
                        "DELETE FROM derivations WHERE capture_id = ? AND state = 'pending'");
                     PreparedStatement fail = c.prepareStatement("UPDATE derivations SET state = 'failed', reason = ?, "
                             + "attempts = attempts + 1 WHERE capture_id = ? AND state = 'pending'")) {
                    for (Result r : results) {
                        long id = r.capture().row().id();
                        if (r.failure() != null) {
                            fail.setString(1, r.failure());
                            fail.setLong(2, id);
                            if (fail.executeUpdate() > 0) failed++;
                            continue;
                        }
                        done.setLong(1, id);
                        // another process stored this capture's rows meanwhile: they are the same, keep those
                        if (done.executeUpdate() == 0) continue;
                        for (Deriver.Write w : r.writes()) w.to(tx);
                        derived++;
                    }
                }
                // the band keys the reuse deriver filed, all at once in key order
                ReuseTables.insertBands(tx);
                return new Outcome(derived, failed);
            });
        } catch (SQLException | RuntimeException e) {
            throw e instanceof IndexException ie ? ie
                    : new IndexException("cannot store derived data: " + oneLine(e), e);
        }
    }

    /** Counts of done, pending and failed captures, with the failures (at most a thousand listed). */
    public DerivationStatus status() {
        try {
            return index.connections().read(c -> {
                long captures = count(c, "SELECT COUNT(*) FROM captures");
                long pending = count(c, "SELECT COUNT(*) FROM derivations WHERE state = 'pending'");
                long failed = count(c, "SELECT COUNT(*) FROM derivations WHERE state = 'failed'");
                List<DerivationFailure> failures = new ArrayList<>();
                try (PreparedStatement st = c.prepareStatement("SELECT q.capture_id, c.url, c.timestamp, q.reason, "
                        + "q.attempts FROM derivations q JOIN captures c ON c.id = q.capture_id "
                        + "WHERE q.state = 'failed' ORDER BY q.capture_id LIMIT " + FAILURES_LISTED)) {
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            failures.add(new DerivationFailure(rs.getLong(1), rs.getString(2), rs.getString(3),
                                    rs.getString(4), rs.getInt(5)));
                        }
                    }
                }
                return new DerivationStatus(Math.max(0, captures - pending - failed), pending, failed, failures);
            });
        } catch (SQLException e) {
            throw new IndexException("cannot read the derivation status: " + e.getMessage(), e);
        }
    }

    /** Whether the capture's derived data is still to compute (pending or failed). */
    public boolean isOpen(long captureId) {
        return !index.query("SELECT 1 FROM derivations WHERE capture_id = ?", List.of(captureId), rs -> 1).isEmpty();
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement st = c.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A reason on one line: the exception's message (its class when it has none), printable, bounded. */
    static String oneLine(Throwable e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e instanceof NullPointerException || e instanceof IllegalStateException
                || e instanceof IndexOutOfBoundsException ? e.getClass().getSimpleName() + ": " + e.getMessage()
                : e.getMessage();
        return BadRecord.printable(message);
    }
}
