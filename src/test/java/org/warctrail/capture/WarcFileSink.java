package org.warctrail.capture;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** A test RecordSink: one gzipped WARC file opened by a warcinfo record, as the store writes them. */
final class WarcFileSink implements RecordSink, AutoCloseable {
    private final WarcWriter writer;
    final Path file;

    WarcFileSink(Path file) throws IOException {
        this.file = file;
        this.writer = new WarcWriter(java.nio.channels.FileChannel.open(file,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
                java.nio.file.StandardOpenOption.TRUNCATE_EXISTING), WarcCompression.GZIP);
        writer.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).filename(file.getFileName().toString())
                .fields(Map.of("software", List.of("warctrail test"), "format", List.of("WARC File Format 1.1")))
                .build());
    }

    @Override
    public synchronized void write(List<WarcRecord> records) throws IOException {
        for (WarcRecord record : records) {
            writer.write(record);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
