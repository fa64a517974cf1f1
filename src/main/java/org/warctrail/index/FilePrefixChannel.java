package org.warctrail.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a file's first {@code limit} bytes. The indexer reads a file that a capture may still be
 * appending to; it must see exactly the bytes that were there when it measured the file, never a record
 * half-written after that.
 */
final class FilePrefixChannel implements SeekableByteChannel {
    private final FileChannel file;
    private final long limit;

    FilePrefixChannel(FileChannel file, long limit) {
        this.file = file;
        this.limit = limit;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        long remaining = limit - file.position();
        if (remaining <= 0) return -1;
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
