package org.warctrail.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The zip container of a WACZ 1.1.1 package: entries with their sha256 and size recorded as data-package
 * resources, then {@code datapackage.json} and {@code datapackage-digest.json}.
 *
 * <p>jwarc's {@code WaczWriter} is not used for this: it indexes every {@code archive/} entry itself, keeping the
 * whole CDX in memory to sort it, and then refuses an index made from ours (a second
 * {@code indexes/index.cdx.gz} entry). Here the WARC entries are assembled from byte ranges of the store's files,
 * so nothing is copied twice to disk and memory does not grow with the archive.
 */
final class WaczZip implements Closeable {
    private static final int BUFFER = 1 << 16;
    static final ObjectMapper JSON = new ObjectMapper()
            .disable(SerializationFeature.CLOSE_CLOSEABLE)
            .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** Writes an entry's content; the stream must not be closed. */
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final ZipOutputStream zip;
    private final List<Map<String, Object>> resources = new ArrayList<>();
    private boolean finished;

    WaczZip(Path target) throws IOException {
        this.target = target;
        this.zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(target), BUFFER));
    }

    /**
     * A STORED entry (the spec asks that WARCs and compressed indexes be stored, so that readers can fetch a
     * record by range) made of byte ranges of files, in order. The ranges are read twice: ZIP needs the CRC of
     * a stored entry before its data.
     */
    void putStored(String path, List<ByteRange> ranges) throws IOException {
        CRC32 crc = new CRC32();
        long size = 0;
        byte[] buffer = new byte[BUFFER];
        for (ByteRange range : ranges) {
            size += copy(range, buffer, (b, n) -> crc.update(b, 0, n));
        }
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        MessageDigest sha256 = sha256();
        long written = 0;
        for (ByteRange range : ranges) {
            written += copy(range, buffer, (b, n) -> {
                zip.write(b, 0, n);
                sha256.update(b, 0, n);
            });
        }
        zip.closeEntry();
        if (written != size) {
            throw new IOException("a source of " + path + " changed while it was copied (" + size + " then "
                    + written + " bytes)");
        }
        addResource(path, sha256, size);
    }

    /** A STORED entry holding a whole file. */
    void putStored(String path, Path file) throws IOException {
        putStored(path, List.of(new ByteRange(file, 0, Files.size(file))));
    }

    /** A DEFLATED entry written by {@code content}. */
    void putDeflated(String path, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        MessageDigest sha256 = sha256();
        CountingStream counted = new CountingStream(new DigestOutputStream(unclosable(zip), sha256));
        content.writeTo(counted);
        counted.flush();
        zip.closeEntry();
        addResource(path, sha256, counted.count);
    }

    /** Writes datapackage.json (the metadata given, then the resources) and datapackage-digest.json. */
    void finish(Map<String, Object> metadata) throws IOException {
        finish(metadata, null);
    }

    /**
     * As {@link #finish(Map)}, with datapackage-digest.json's {@code signedData} made by {@code signer} from the
     * hash of datapackage.json ({@code sha256:<hex>}); null for none.
     */
    void finish(Map<String, Object> metadata, Function<String, Map<String, Object>> signer) throws IOException {
        if (finished) return;
        Map<String, Object> datapackage = new LinkedHashMap<>(metadata);
        datapackage.put("resources", resources);
        byte[] json = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(datapackage);
        zip.putNextEntry(new ZipEntry("datapackage.json"));
        zip.write(json);
        zip.closeEntry();
        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("path", "datapackage.json");
        String hash = "sha256:" + HexFormat.of().formatHex(sha256().digest(json));
        digest.put("hash", hash);
        if (signer != null) digest.put("signedData", signer.apply(hash));
        zip.putNextEntry(new ZipEntry("datapackage-digest.json"));
        zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(digest));
        zip.closeEntry();
        zip.finish();
        finished = true;
    }

    Path target() {
        return target;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private void addResource(String path, MessageDigest sha256, long size) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", path.substring(path.lastIndexOf('/') + 1));
        resource.put("path", path);
        resource.put("hash", "sha256:" + HexFormat.of().formatHex(sha256.digest()));
        resource.put("bytes", size);
        resources.add(resource);
    }

    private interface Chunk {
        void accept(byte[] buffer, int length) throws IOException;
    }

    private static long copy(ByteRange range, byte[] buffer, Chunk out) throws IOException {
        long done = 0;
        try (FileChannel channel = FileChannel.open(range.file())) {
            channel.position(range.start());
            ByteBuffer bb = ByteBuffer.wrap(buffer);
            while (done < range.length()) {
                bb.clear();
                bb.limit((int) Math.min(buffer.length, range.length() - done));
                int n = channel.read(bb);
                if (n < 0) {
                    throw new IOException(range.file() + " ends at " + (range.start() + done) + ", before "
                            + range.end() + " (was it truncated during the export?)");
                }
                out.accept(buffer, n);
                done += n;
            }
        }
        return done;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
