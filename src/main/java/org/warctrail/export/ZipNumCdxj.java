package org.warctrail.export;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.warctrail.index.CdxLines;
import org.warctrail.index.CdxOrder;

/**
 * A CDXJ index in the ZipNum layout WACZ viewers read: {@code index.cdx.gz}, sorted CDXJ lines in gzip members of
 * {@value #LINES_PER_BLOCK} lines each, and {@code index.idx}, one line per member giving its first key, offset,
 * length and sha256, after a {@code !meta} line. ReplayWeb.page reads the small .idx and then fetches only the
 * blocks a lookup needs (it ignores a lone index.cdx.gz). Lines must be added in sorted order; only one block is
 * held in memory.
 */
final class ZipNumCdxj implements Closeable {
    static final int LINES_PER_BLOCK = 3000;
    static final String CDX_NAME = "index.cdx.gz";

    private final OutputStream cdx;
    private final Writer idx;
    private final ByteArrayOutputStream block = new ByteArrayOutputStream(1 << 16);
    private Writer blockWriter;
    private String blockKey;
    private String lastLine;
    private int blockLines;
    private long offset;
    private long lines;

    ZipNumCdxj(Path cdxFile, Path idxFile) throws IOException {
        this.cdx = Files.newOutputStream(cdxFile);
        this.idx = new BufferedWriter(Files.newBufferedWriter(idxFile, StandardCharsets.UTF_8));
        idx.write("!meta 0 {\"format\": \"cdxj-gzip-1.0\", \"filename\": \"" + CDX_NAME + "\"}\n");
    }

    void add(String line) throws IOException {
        if (lastLine != null && CdxOrder.compareBytes(lastLine, line) > 0) {
            throw new IllegalArgumentException("CDXJ lines out of order: \"" + line + "\" after \"" + lastLine + "\"");
        }
        lastLine = line;
        if (blockWriter == null) {
            block.reset();
            blockWriter = new java.io.OutputStreamWriter(new GZIPOutputStream(block), StandardCharsets.UTF_8);
            int json = line.indexOf(" {");
            blockKey = json < 0 ? line : line.substring(0, json);
            blockLines = 0;
        }
        blockWriter.write(line);
        blockWriter.write('\n');
        lines++;
        if (++blockLines == LINES_PER_BLOCK) endBlock();
    }

    long lines() {
        return lines;
    }

    private void endBlock() throws IOException {
        if (blockWriter == null) return;
        blockWriter.close();
        blockWriter = null;
        byte[] member = block.toByteArray();
        cdx.write(member);
        String digest = HexFormat.of().formatHex(WaczZip.sha256().digest(member));
        StringBuilder entry = new StringBuilder(blockKey.length() + 120).append(blockKey).append(" {");
        entry.append("\"offset\": ").append(offset).append(", \"length\": ").append(member.length)
                .append(", \"digest\": \"sha256:").append(digest).append("\", \"filename\": ");
        CdxLines.json(entry, CDX_NAME);
        idx.write(entry.append("}\n").toString());
        offset += member.length;
    }

    @Override
    public void close() throws IOException {
        try {
            endBlock();
        } finally {
            try {
                cdx.close();
            } finally {
                idx.close();
            }
        }
    }
}
