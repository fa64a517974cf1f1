package org.warctrail.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.FileVerification;
import org.warctrail.index.IndexedFile;
import org.warctrail.index.VerificationsTable;
import org.warctrail.store.TornTail;
import org.warctrail.store.VerifiedRecord;
import org.warctrail.store.WarcFileVerifier;
import org.warctrail.store.WarcStore;

/**
 * Fixity of a whole store: every record of every WARC file read back ({@link WarcFileVerifier}), and the index laid
 * beside it, so that each capture row points at the start of an intact record of its length and identity. Files
 * and rows are streamed in offset order, so memory does not grow with the store. Each file's outcome is kept in the
 * index ({@link VerificationsTable}) for the server to show.
 */
public final class StoreVerifier {
    private static final int ROW_PAGE = 1000;
    /** Records of one gzip member matched to its rows (a whole file gzipped as one member could hold millions). */
    private static final int GROUP_LIMIT = 1000;

    /** One damaged record, or one index row that does not match the file. */
    public record Damage(String file, long offset, String url, String what) {
        @Override
        public String toString() {
            return file + (offset >= 0 ? " offset " + offset : "") + (url != null ? " (" + url + ")" : "") + ": " + what;
        }
    }

    /** Told of each damage as it is found, and of each file once it is done. */
    public interface Listener {
        void damage(Damage damage);

        void fileDone(FileVerification file);
    }

    /** The whole check: files, records and bytes read, damage found. */
    public record Outcome(long files, long records, long damaged, long bytes) {
        public boolean intact() {
            return damaged == 0;
        }
    }

    private final WarcStore store;
    private final CaptureIndex index;
    private final VerificationsTable verifications;

    public StoreVerifier(WarcStore store, CaptureIndex index) {
        this.store = store;
        this.index = index;
        this.verifications = new VerificationsTable(index);
    }

    public Outcome verify(Listener listener) throws IOException {
        Map<String, IndexedFile> known = new TreeMap<>();
        for (IndexedFile f : index.files()) known.put(f.name(), f);
        Map<String, Path> files = new TreeMap<>();
        for (Path p : store.files()) files.put(store.nameOf(p), p);
        for (String name : known.keySet()) files.putIfAbsent(name, store.resolve(name));
        long records = 0;
        long damaged = 0;
        long bytes = 0;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            FileVerification v = verifyFile(e.getKey(), e.getValue(), Optional.ofNullable(known.get(e.getKey())),
                    listener);
            verifications.record(v);
            listener.fileDone(v);
            records += v.records();
            damaged += v.damaged();
            bytes += v.bytes();
        }
        return new Outcome(files.size(), records, damaged, bytes);
    }

    private FileVerification verifyFile(String name, Path path, Optional<IndexedFile> indexed, Listener listener)
            throws IOException {
        FileCheck check = new FileCheck(name, listener);
        if (!Files.isRegularFile(path)) {
            long rows = indexed.map(f -> index.captureCount(f.id())).orElse(0L);
            check.damage(-1, null, "the file is gone (" + rows + " captures in the index point into it)");
            return check.result(0, 0);
        }
        // a file a capture is writing is checked up to what is indexed, not into the record being written
        long limit = indexed.isPresent() && TornTail.isOurs(path) && TornTail.isBeingWritten(path)
                ? indexed.get().indexedBytes() : Long.MAX_VALUE;
        WarcFileVerifier.Outcome read = WarcFileVerifier.verify(path, limit, check::record);
        check.flush(Long.MAX_VALUE);
        return check.result(read.records(), read.bytes());
    }

    /** One file's check: records come in file order and are laid beside the file's rows, taken in offset order. */
    private final class FileCheck {
        private final String name;
        private final Listener listener;
        private final List<VerifiedRecord> group = new ArrayList<>(1);
        private List<CaptureRow> rows = List.of();
        private int next;
        private boolean rowsDone;
        private long lastOffset = -1;
        private long lastId;
        private long damaged;
        private String firstProblem;

        FileCheck(String name, Listener listener) {
            this.name = name;
            this.listener = listener;
        }

        /** A record read back; records sharing a gzip member (one offset) are matched to rows together. */
        void record(VerifiedRecord r) {
            if (!group.isEmpty() && group.get(0).offset() != r.offset()) flush(r.offset());
            if (group.size() < GROUP_LIMIT) group.add(r);
            if (!r.intact()) damage(r.offset(), r.url(), String.join("; ", r.problems()));
        }

        /** Matches the rows up to the current group's offset, and those before {@code nextOffset}, to records. */
        void flush(long nextOffset) {
            long at = group.isEmpty() ? nextOffset : group.get(0).offset();
            for (CaptureRow row = peek(); row != null && row.offset() <= at; row = peek()) {
                take();
                if (row.offset() < at || group.isEmpty()) {
                    damage(row.offset(), row.url(), "the index has a capture at offset " + row.offset()
                            + " where no record starts");
                } else {
                    compare(row);
                }
            }
            group.clear();
            if (nextOffset == Long.MAX_VALUE) {
                for (CaptureRow row = peek(); row != null; row = peek()) {
                    take();
                    damage(row.offset(), row.url(), "the index has a capture at offset " + row.offset()
                            + ", past the last record of the file");
                }
            }
        }

        private void compare(CaptureRow row) {
            if (group.stream().anyMatch(r -> !r.intact())) return; // the record's own damage is reported
            VerifiedRecord record = group.get(0);
            if (row.recordId() != null) {
                record = group.stream().filter(r -> bare(row.recordId()).equals(bare(r.recordId()))).findFirst()
                        .orElse(null);
                if (record == null) {
                    damage(row.offset(), row.url(), "the index has record " + bare(row.recordId()) + " here, the file "
                            + bare(group.get(0).recordId()));
                    return;
                }
            }
            if (record.length() >= 0 && row.length() != record.length()) {
                damage(row.offset(), row.url(), "the index gives the record " + row.length() + " bytes, it takes "
                        + record.length());
            } else if (row.digest() != null && record.payloadDigest() != null
                    && !cdxDigest(record.payloadDigest()).equalsIgnoreCase(row.digest())) {
                damage(row.offset(), row.url(), "the index has payload digest " + row.digest() + ", the record "
                        + record.payloadDigest());
            }
        }

        void damage(long offset, String url, String what) {
            Damage d = new Damage(name, offset, url, what);
            damaged++;
            if (firstProblem == null) firstProblem = d.toString();
            listener.damage(d);
        }

        FileVerification result(long records, long bytes) {
            return new FileVerification(name, Instant.now().toString(), records, damaged, bytes, firstProblem);
        }

        private CaptureRow peek() {
            if (next < rows.size()) return rows.get(next);
            if (rowsDone) return null;
            rows = verifications.rowsOfFile(name, lastOffset, lastId, ROW_PAGE);
            next = 0;
            if (rows.size() < ROW_PAGE) rowsDone = true;
            return rows.isEmpty() ? null : rows.get(0);
        }

        private void take() {
            CaptureRow row = rows.get(next++);
            lastOffset = row.offset();
            lastId = row.id();
        }
    }

    /** A record id without the angle brackets WARC headers put around it. */
    private static String bare(String id) {
        if (id == null) return "";
        String v = id.strip();
        return v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
    }

    /** A payload digest as the index's CDX column holds it: without its {@code sha1:} prefix. */
    private static String cdxDigest(String header) {
        String v = header.strip();
        int colon = v.indexOf(':');
        return colon >= 0 && v.substring(0, colon).replace("-", "").equalsIgnoreCase("sha1") ? v.substring(colon + 1) : v;
    }
}
