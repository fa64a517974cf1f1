package org.warctrail.store;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.warctrail.capture.RecordSink;

/**
 * Writes records into the store's {@code warcs/} directory, one gzip member per record, starting a new file
 * (opened by a {@code warcinfo} record) when the current one reaches the size limit.
 *
 * <p>Each writer owns its files: a new file is created exclusively and held under an OS file lock while open,
 * so several processes capturing at once never share a file, and {@link TailRepair} can tell a file being
 * written from one a crashed process left behind. Records reach the OS as soon as {@link #write} returns, so
 * a killed process loses at most the record it was writing.
 */
public final class RotatingWarcWriter implements RecordSink, Closeable {
    public static final String PREFIX = "warctrail";
    public static final long DEFAULT_MAX_FILE_SIZE = 1L << 30;

    private final Path dir;
    private final long maxFileSize;
    private final Map<String, String> warcinfoFields;
    private final String host;
    private final List<String> written = new ArrayList<>();
    private int serial;
    private FileChannel channel;
    /** Serializes writes, rotation and close: a lock of its own, not this public object. */
    private final Object writing = new Object();
    private FileLock lock;
    private WarcWriter writer;
    private String currentName;

    /**
     * @param warcinfoFields fields of the warcinfo record opening each file (software, format, robots,
     *                       hostname are filled in when absent)
     */
    public RotatingWarcWriter(Path dir, long maxFileSize, Map<String, String> warcinfoFields) {
        if (maxFileSize <= 0) throw new IllegalArgumentException("max file size must be positive: " + maxFileSize);
        this.dir = dir;
        this.maxFileSize = maxFileSize;
        this.host = localHostName();
        this.warcinfoFields = new LinkedHashMap<>();
        this.warcinfoFields.put("software", "warctrail/0.1.0 (jwarc 0.36.0)");
        this.warcinfoFields.put("format", "WARC File Format 1.1");
        this.warcinfoFields.put("conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/");
        this.warcinfoFields.put("hostname", host);
        this.warcinfoFields.putAll(warcinfoFields);
    }

    /** Writes the records together, in order, into one file; returns where each one went. */
    public List<RecordLocation> writeAll(List<? extends WarcRecord> records) throws IOException {
        synchronized (writing) {
            if (writer == null || writer.position() >= maxFileSize) rotate();
            List<RecordLocation> locations = new ArrayList<>(records.size());
            for (WarcRecord record : records) {
                long start = writer.position();
                writer.write(record);
                locations.add(new RecordLocation(currentName, start, writer.position() - start));
            }
            return locations;
        }
    }

    @Override
    public void write(List<WarcRecord> records) throws IOException {
        writeAll(records);
    }

    /** Names of the files this writer created, oldest first. */
    public List<String> filesWritten() {
        synchronized (writing) {
            return List.copyOf(written);
        }
    }

    private void rotate() throws IOException {
        closeCurrent();
        while (true) {
            WarcFileName name = new WarcFileName(PREFIX, Instant.now(), serial++, host);
            Path path = dir.resolve(name.toString());
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                continue; // another writer took this name in the same millisecond
            }
            lock = channel.lock();
            currentName = name.toString();
            written.add(currentName);
            writer = new WarcWriter(channel, WarcCompression.GZIP);
            writer.write(warcinfo(currentName));
            return;
        }
    }

    private Warcinfo warcinfo(String filename) {
        StringBuilder fields = new StringBuilder();
        warcinfoFields.forEach((k, v) -> fields.append(k).append(": ").append(v).append("\r\n"));
        return new Warcinfo.Builder()
                .filename(filename)
                .body(MediaType.parse("application/warc-fields"), fields.toString().getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private void closeCurrent() throws IOException {
        if (writer == null) return;
        try {
            channel.force(false);
            lock.release();
        } finally {
            writer.close();
            writer = null;
            channel = null;
            lock = null;
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (writing) {
            closeCurrent();
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }

}
