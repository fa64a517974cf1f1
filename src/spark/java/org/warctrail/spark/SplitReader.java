package org.warctrail.spark;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.Row;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.warctrail.index.BadRecord;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.index.RecordCaptures;
import org.warctrail.store.ArcHeaderRepair;
import org.warctrail.store.RecordBoundaryScanner;

/**
 * Streams the rows of one split, a record at a time (never a whole file in memory): each capture with its
 * document, as {@code import} indexes it, its length running to the next record's offset; each unreadable record
 * as a bad-record row. After a bad record a local file is read on from the next record boundary, as import does;
 * a remote one (hdfs:, s3a:) cannot be scanned for one, so the rest of it is reported as one bad record.
 */
final class SplitReader implements Iterator<Row>, Closeable {
    private final WarcSplit split;
    private final String name;
    private final Path local;
    private final Configuration hadoop;
    private final RecordCaptures captures = new RecordCaptures(DocumentExtractor.standard());
    private final ArrayDeque<Row> ready = new ArrayDeque<>();
    private RecordBoundaryScanner.Framing framing;
    private WarcReader reader;
    private Closeable channel;
    private RecordCaptures.Capture pending;
    private boolean done;

    SplitReader(WarcSplit split, Configuration hadoop) {
        this.split = split;
        this.hadoop = hadoop;
        URI uri = URI.create(split.file());
        this.local = "file".equals(uri.getScheme()) ? Path.of(uri) : null;
        this.name = local != null ? local.toString() : split.file();
    }

    @Override
    public boolean hasNext() {
        while (ready.isEmpty() && !done) step();
        return !ready.isEmpty();
    }

    @Override
    public Row next() {
        if (!hasNext()) throw new NoSuchElementException(name);
        return ready.poll();
    }

    private void step() {
        try {
            if (reader == null) {
                long from = split.start();
                if (from > 0) {
                    framing = RecordBoundaryScanner.framing(local);
                    from = RecordBoundaryScanner.next(local, framing, from);
                    if (from < 0 || from >= split.end()) {
                        finish(-1);
                        return;
                    }
                }
                open(from);
            }
            readOne();
        } catch (IOException e) {
            ready.add(RecordRows.bad(name, 0, "cannot read " + name + ": " + BadRecord.printable(BadRecord.reasonOf(e))));
            finish(-1);
        }
    }

    private void open(long from) throws IOException {
        closeChannel();
        if (local != null) {
            FileChannel ch = FileChannel.open(local);
            ch.position(from);
            channel = ch;
            reader = new WarcReader(ch);
        } else {
            org.apache.hadoop.fs.Path path = new org.apache.hadoop.fs.Path(split.file());
            FileSystem fs = path.getFileSystem(hadoop);
            var in = fs.open(path);
            channel = in;
            reader = new WarcReader(Channels.newChannel(in));
        }
        reader.setLenient(true);
    }

    private void readOne() throws IOException {
        Optional<WarcRecord> record;
        try {
            record = reader.next();
        } catch (IOException | RuntimeException e) {
            long at = reader.position();
            if (pending != null && at <= pending.row().offset()) {
                at = pending.row().offset(); // the pending record itself is the bad one
                pending = null;
            }
            settle(at);
            long repaired = local == null ? -1 : readRepairedArc(at);
            if (repaired >= 0) {
                resync(repaired);
                return;
            }
            ready.add(RecordRows.bad(name, at, BadRecord.printable(BadRecord.reasonOf(e))));
            resync(at);
            return;
        }
        if (record.isEmpty()) {
            finish(reader.position());
            return;
        }
        long start = reader.position();
        settle(start);
        if (start >= split.end()) {
            finish(-1);
            return;
        }
        try {
            pending = captures.read(record.get(), name, start);
        } catch (IOException | RuntimeException e) {
            pending = null;
            ready.add(RecordRows.bad(name, start, BadRecord.printable(BadRecord.reasonOf(e))));
        }
    }

    /**
     * An ARC record with spaces in its URL, which jwarc refuses and import reads repaired ({@link ArcHeaderRepair}):
     * it becomes the pending capture. Returns where its header starts, or -1 when the record at {@code at} is not one.
     */
    private long readRepairedArc(long at) throws IOException {
        return ArcHeaderRepair.read(local, at, (record, start) -> {
            pending = captures.read(record, name, start);
            return start;
        }).orElse(-1L);
    }

    /** After a bad record at {@code at}: on from the next record boundary of a local file, else stop. */
    private void resync(long at) throws IOException {
        if (local == null) {
            ready.add(RecordRows.bad(name, at, "the rest of the file after this offset is not read (a remote file "
                    + "cannot be scanned for the next record)"));
            finish(-1);
            return;
        }
        if (framing == null) framing = RecordBoundaryScanner.framing(local);
        long next = RecordBoundaryScanner.next(local, framing, at + 1);
        if (next < 0 || next >= split.end()) {
            finish(next < 0 ? java.nio.file.Files.size(local) : next); // a repaired ARC record ends there
            return;
        }
        open(next);
    }

    /** The pending capture ends where the next record starts. */
    private void settle(long end) {
        if (pending == null) return;
        long length = end - pending.row().offset();
        if (length > 0) ready.add(RecordRows.capture(pending.row().withLength(length), pending.document()));
        pending = null;
    }

    private void finish(long end) {
        if (end >= 0) settle(end);
        pending = null;
        done = true;
        closeChannel();
    }

    private void closeChannel() {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(name + ": cannot close", e);
        } finally {
            channel = null;
        }
    }

    @Override
    public void close() {
        closeChannel();
    }
}
