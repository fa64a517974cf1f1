package org.warctrail.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
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
            throw e instanceof IOException io ? io
                    : new IOException("unreadable record at offset " + offset + " of " + path + ": " + e.getMessage(), e);
        }
    }

    public WarcRecord record() {
        return record;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
