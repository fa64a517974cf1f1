package org.warctrail.capture;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Bytes received from a server, kept in memory while small and moved to a temporary file when they
 * grow past a threshold, so a large response costs disk, not heap. Closing deletes the file.
 */
final class SpooledBytes extends OutputStream implements Closeable {
    private final int memoryLimit;
    private ByteArrayOutputStream memory = new ByteArrayOutputStream();
    private Path file;
    private OutputStream fileOut;
    private long size;

    SpooledBytes(int memoryLimit) {
        this.memoryLimit = memoryLimit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (fileOut == null && memory.size() + len > memoryLimit) {
            file = Files.createTempFile("warctrail-response-", ".spool");
            fileOut = new java.io.BufferedOutputStream(Files.newOutputStream(file), 65536);
            memory.writeTo(fileOut);
            memory = null;
        }
        if (fileOut != null) {
            fileOut.write(b, off, len);
        } else {
            memory.write(b, off, len);
        }
        size += len;
    }

    long size() {
        return size;
    }

    /** The first {@code n} bytes (or all of them if fewer). */
    byte[] prefix(int n) throws IOException {
        int length = (int) Math.min(n, size);
        if (memory != null) {
            byte[] all = memory.toByteArray();
            return length == all.length ? all : java.util.Arrays.copyOf(all, length);
        }
        fileOut.flush();
        try (var in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        }
    }

    /** A fresh channel over all the bytes, from the start. */
    ReadableByteChannel open() throws IOException {
        if (memory != null) {
            return Channels.newChannel(new java.io.ByteArrayInputStream(memory.toByteArray()));
        }
        fileOut.flush();
        return FileChannel.open(file, StandardOpenOption.READ);
    }

    @Override
    public void close() throws IOException {
        memory = null;
        if (fileOut != null) {
            fileOut.close();
            fileOut = null;
            Files.deleteIfExists(file);
        }
    }
}
