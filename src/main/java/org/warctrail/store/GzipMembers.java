package org.warctrail.store;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a gzip file one member at a time, each as its own stream, checking what {@code GZIPInputStream} checks
 * but cannot say where: the header, the deflate data, and the trailer's CRC-32 and length. A damaged member is
 * named by its offset, and {@link #end()} tells where the member read last ended, which is where the next begins.
 * Memory is one buffer whatever the member's size.
 */
public final class GzipMembers implements Closeable {
    private static final int BUFFER = 64 * 1024;
    private static final int FHCRC = 2;
    private static final int FEXTRA = 4;
    private static final int FNAME = 8;
    private static final int FCOMMENT = 16;

    /** A member whose bytes do not inflate to what its trailer says, or that stops before its end. */
    public static final class Damage extends IOException {
        Damage(String message) {
            super(message);
        }
    }

    private final Path file;
    private final FileChannel channel;
    private final long limit;
    private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
    private final Inflater inflater = new Inflater(true);
    /** File offset of the buffer's first byte. */
    private long bufferStart;
    private long memberStart = -1;
    private long memberEnd = -1;

    /** Reads {@code file} up to {@code limit} bytes, from {@code from} (a member's start). */
    public GzipMembers(Path file, long from, long limit) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(file);
        this.limit = Math.min(limit, channel.size());
        this.bufferStart = from;
        buffer.flip();
    }

    /** Where the next member would start: the end of the last one read whole, or where reading began. */
    public long position() {
        return bufferStart + buffer.position();
    }

    /** Where the member last opened ended (its trailer's last byte + 1), or -1 while it is not read to its end. */
    public long end() {
        return memberEnd;
    }

    /** Whether nothing is left to read. */
    public boolean atEnd() {
        return position() >= limit;
    }

    /**
     * Opens the member at {@link #position()}: its header is read now, its data as the stream is read, and its
     * trailer checked when the stream reaches its end (which then returns -1).
     */
    public InputStream next() throws IOException {
        memberStart = position();
        memberEnd = -1;
        inflater.reset();
        int id1 = readByte();
        int id2 = readByte();
        int method = readByte();
        if (id1 != 0x1f || id2 != 0x8b || method != 8) {
            throw new Damage("no gzip member at offset " + memberStart + " of " + file);
        }
        int flags = readByte();
        skip(6); // mtime, extra flags, OS
        if ((flags & FEXTRA) != 0) skip(readByte() | readByte() << 8);
        if ((flags & FNAME) != 0) skipZeroTerminated();
        if ((flags & FCOMMENT) != 0) skipZeroTerminated();
        if ((flags & FHCRC) != 0) skip(2);
        giveToInflater();
        return new Member();
    }

    private final class Member extends InputStream {
        private final CRC32 crc = new CRC32();
        private long size;
        private boolean done;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) return -1;
            if (len == 0) return 0;
            while (true) {
                int n;
                try {
                    n = inflater.inflate(b, off, len);
                } catch (DataFormatException e) {
                    throw new Damage("gzip member at offset " + memberStart + " of " + file + " is corrupt: "
                            + e.getMessage());
                }
                if (n > 0) {
                    crc.update(b, off, n);
                    size += n;
                    return n;
                }
                if (inflater.finished()) {
                    // what the inflater took but did not use is the trailer and what follows
                    buffer.position(buffer.limit() - inflater.getRemaining());
                    checkTrailer();
                    done = true;
                    return -1;
                }
                if (inflater.needsDictionary()) {
                    throw new Damage("gzip member at offset " + memberStart + " of " + file + " asks for a dictionary");
                }
                if (inflater.needsInput()) {
                    if (!fill()) {
                        throw new Damage("gzip member at offset " + memberStart + " of " + file + " is cut off at byte "
                                + position() + " (" + size + " bytes inflated)");
                    }
                    giveToInflater();
                }
            }
        }

        private void checkTrailer() throws IOException {
            long expectedCrc;
            long expectedSize;
            try {
                expectedCrc = readInt();
                expectedSize = readInt();
            } catch (EOFException e) {
                throw new Damage("gzip member at offset " + memberStart + " of " + file + " has no trailer (cut off)");
            }
            memberEnd = position();
            if (expectedCrc != crc.getValue()) {
                throw new Damage(String.format("gzip member at offset %d of %s fails its CRC-32 check (trailer %08x, "
                        + "data %08x)", memberStart, file, expectedCrc, crc.getValue()));
            }
            if (expectedSize != (size & 0xffffffffL)) {
                throw new Damage("gzip member at offset " + memberStart + " of " + file + " inflates to " + size
                        + " bytes, its trailer says " + expectedSize);
            }
        }
    }

    /**
     * Hands the buffer's unread bytes to the inflater; they count as read, and what the inflater leaves over at the
     * member's end is given back ({@code Member.read}). The inflater reads the array lazily, so the buffer is only
     * refilled once it has used them all.
     */
    private void giveToInflater() {
        inflater.setInput(buffer.array(), buffer.arrayOffset() + buffer.position(), buffer.remaining());
        buffer.position(buffer.limit());
    }

    /** Reads more of the file into the buffer, keeping its unread bytes at the front; false at the limit. */
    private boolean fill() throws IOException {
        long next = position();
        int unread = buffer.remaining();
        buffer.compact();
        bufferStart = next;
        long from = next + unread;
        int room = (int) Math.min(buffer.remaining(), limit - from);
        if (room <= 0) {
            buffer.flip();
            return false;
        }
        buffer.limit(buffer.position() + room);
        int n = channel.read(buffer, from);
        buffer.flip();
        return n > 0;
    }

    private int readByte() throws IOException {
        if (!buffer.hasRemaining() && !fill()) {
            throw new EOFException("gzip member at offset " + memberStart + " of " + file + " is cut off in its header");
        }
        return buffer.get() & 0xff;
    }

    private long readInt() throws IOException {
        long v = 0;
        for (int i = 0; i < 4; i++) v |= (long) readByte() << (8 * i);
        return v;
    }

    private void skip(int n) throws IOException {
        for (int i = 0; i < n; i++) readByte();
    }

    private void skipZeroTerminated() throws IOException {
        while (readByte() != 0) {
            // skip
        }
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        channel.close();
    }
}
