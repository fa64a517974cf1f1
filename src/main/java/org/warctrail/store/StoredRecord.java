package org.warctrail.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/** One record read from a WARC file at a known offset; holds the file open until closed. */
public final class StoredRecord implements Closeable {
    private final WarcReader reader;
    private final WarcRecord record;

    private StoredRecord(WarcReader reader, WarcRecord record) {
        this.reader = reader;
        this.record = record;
    }

    static StoredRecord open(Path path, long offset) throws IOException {
        // Bounded to the file, so that a cut-off zstd frame ends in an error instead of endless empty reads.
        FileChannel file = FileChannel.open(path);
        FilePrefixChannel channel = new FilePrefixChannel(file, file.size());
        WarcReader reader = null;
        try {
            channel.position(offset);
            reader = new WarcReader(channel);
            reader.setLenient(true);
            WarcRecord record = reader.next()
                    .orElseThrow(() -> new IOException("no record at offset " + offset + " of " + path));
            return new StoredRecord(reader, record);
        } catch (IOException | RuntimeException e) {
            if (reader != null) reader.close();
            else channel.close();
            Optional<StoredRecord> repaired = repairedArc(path, offset);
            if (repaired.isPresent()) return repaired.get();
            throw e instanceof IOException io ? io
                    : new IOException("unreadable record at offset " + offset + " of " + path + ": " + e.getMessage(), e);
        }
    }

    /** An ARC record with spaces in its URL, which other tools read (see {@link ArcHeaderRepair}). */
    private static Optional<StoredRecord> repairedArc(Path path, long offset) throws IOException {
        Optional<ArcHeaderRepair.Repaired> repaired = ArcHeaderRepair.open(path, offset);
        if (repaired.isEmpty()) return Optional.empty();
        WarcReader reader = new WarcReader(repaired.get().channel());
        try {
            reader.setLenient(true);
            Optional<WarcRecord> record = reader.next();
            if (record.isPresent()) return Optional.of(new StoredRecord(reader, record.get()));
        } catch (IOException | RuntimeException e) {
            // not an ARC record after all: the caller reports the first error
        }
        reader.close();
        return Optional.empty();
    }

    public WarcRecord record() {
        return record;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
