package org.warctrail.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Finds and cuts off the torn last record that a killed capture leaves in one of our WARC files.
 *
 * <p>Only files written by warctrail ({@link RotatingWarcWriter#PREFIX}) and not held open by a live writer
 * (which keeps an OS lock on its file) are cut; a foreign file with a bad record is the importer's to report.
 */
public final class TornTail {
    /** A truncation made: the file, where it was cut, and how many bytes went. */
    public record Cut(Path file, long at, long bytesRemoved, String reason) {
        @Override
        public String toString() {
            return file.getFileName() + ": torn record at offset " + at + " (" + bytesRemoved + " bytes, "
                    + reason + ") truncated";
        }
    }

    private TornTail() {
    }

    /** True if a live writer (in this or another process) holds the file. */
    public static boolean isBeingWritten(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            FileLock lock = ch.tryLock();
            if (lock == null) return true;
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    public static boolean isOurs(Path file) {
        return file.getFileName().toString().startsWith(RotatingWarcWriter.PREFIX + "-");
    }

    /**
     * Reads the records of {@code file} from {@code from} (a record boundary, e.g. where indexing stopped) to
     * the end; if the last one is torn and the file is ours and not being written, truncates it there.
     */
    public static Optional<Cut> repair(Path file, long from) throws IOException {
        if (!isOurs(file) || isBeingWritten(file)) return Optional.empty();
        long size;
        long tornAt;
        String reason;
        try (FileChannel channel = FileChannel.open(file)) {
            size = channel.size();
            if (from >= size) return Optional.empty();
            channel.position(from);
            WarcReader reader = new WarcReader(channel);
            try {
                while (true) {
                    Optional<WarcRecord> record = reader.next();
                    if (record.isEmpty()) return Optional.empty();
                    record.get().body().consume();
                }
            } catch (IOException | RuntimeException e) {
                // jwarc leaves position() at the start of the record it could not read.
                tornAt = reader.position();
                reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }
        if (tornAt < from || tornAt >= size) return Optional.empty();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(tornAt);
            channel.force(true);
        }
        return Optional.of(new Cut(file, tornAt, size - tornAt, reason));
    }
}
