package org.warctrail.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a file's first {@code limit} bytes. The indexer reads a file that a capture may still be
 * appending to; it must see exactly the bytes that were there when it measured the file, never a record
 * half-written after that.
 *
 * <p>jwarc 0.36.0's zstd decoder ignores the end of its input and answers 0 bytes forever, so a reader asking
 * for more at the end of a {@code .warc.zst} never returns. Past {@link #MAX_READS_AT_END} reads at the end in a
 * row (a decoder flushing what it holds needs a few; a parser waiting for bytes asks forever) this channel throws
 * {@link ReadPastEnd}, which the indexer takes for the end of the file.
 */
public final class FilePrefixChannel implements SeekableByteChannel {
    static final int MAX_READS_AT_END = 1000;
    private final FileChannel file;
    private final long limit;
    private int readsAtEnd;

    /** More reads at the end of the file than any reader that heeds end-of-file makes. */
    public static final class ReadPastEnd extends EOFException {
        ReadPastEnd(long limit) {
            super("input ended at byte " + limit + " but the reader kept asking for more");
        }
    }

    public static boolean isReadPastEnd(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ReadPastEnd) return true;
        }
        return false;
    }

    public FilePrefixChannel(FileChannel file, long limit) {
        this.file = file;
        this.limit = limit;
    }

    /** The file under this view, for positional reads that leave the view's position alone. */
    public FileChannel file() {
        return file;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long remaining = limit - file.position();
        if (remaining <= 0) {
            if (++readsAtEnd > MAX_READS_AT_END) throw new ReadPastEnd(limit);
            return -1;
        }
        readsAtEnd = 0;
        if (dst.remaining() <= remaining) return file.read(dst);
        ByteBuffer slice = dst.slice().limit((int) remaining);
        int n = file.read(slice);
        if (n > 0) dst.position(dst.position() + n);
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() throws IOException {
        return file.position();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        file.position(newPosition);
        readsAtEnd = 0;
        return this;
    }

    @Override
    public long size() {
        return limit;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
