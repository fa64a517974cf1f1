package org.warctrail.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads an ARC record whose header line has spaces inside its URL ({@code http://a/b c d 1.2.3.4 20140216050221
 * text/html 1591}), which jwarc's strict grammar refuses and warcio reads by taking the last four fields from the
 * right: the header line is given to jwarc with the spaces percent-encoded, followed by the record's own bytes.
 * Only the header line changes, and only in what is handed to the parser; the file is never rewritten. In a plain
 * file, a length running past the end of the file is cut to what the file holds (warcio reads such a record too).
 */
public final class ArcHeaderRepair {
    private static final Pattern HEADER = Pattern.compile(
            "([a-z][a-z0-9+.-]*:\\S.*?) (\\d{1,3}(?:\\.\\d{1,3}){3}) (\\d{14}) (\\S+) (\\d{1,12})\\r?");
    private static final int MAX_LINE = 8192;

    private ArcHeaderRepair() {
    }

    /**
     * The record, its header repaired.
     *
     * @param channel     the header line as jwarc reads it, then the record's bytes
     * @param headerStart where the header line starts in the file (after line ends left by the record before)
     */
    public record Repaired(ReadableByteChannel channel, long headerStart) {
    }

    /** What a reader makes of a repaired record while it is open. */
    public interface RecordUse<T> {
        T use(WarcRecord record, long headerStart) throws IOException;
    }

    /**
     * The ARC record at {@code offset} whose header jwarc cannot read as it is, repaired, read and given to
     * {@code use} while open; empty when it is not such a record, or it or {@code use} fails on it.
     */
    public static <T> Optional<T> read(Path file, long offset, RecordUse<T> use) throws IOException {
        Optional<Repaired> repaired = open(file, offset);
        if (repaired.isEmpty()) return Optional.empty();
        try (WarcReader reader = new WarcReader(repaired.get().channel())) {
            reader.setLenient(true);
            Optional<WarcRecord> record = reader.next();
            if (record.isEmpty()) return Optional.empty();
            return Optional.ofNullable(use.use(record.get(), repaired.get().headerStart()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The ARC record at {@code offset} whose header jwarc cannot read as it is, repaired; empty otherwise. */
    public static Optional<Repaired> open(Path file, long offset) throws IOException {
        FileChannel channel = FileChannel.open(file);
        try {
            channel.position(offset);
            InputStream raw = Channels.newInputStream(channel);
            byte[] magic = new byte[2];
            InputStream in = raw;
            java.io.PushbackInputStream peek = new java.io.PushbackInputStream(raw, 2);
            int n = peek.readNBytes(magic, 0, 2);
            peek.unread(magic, 0, n);
            in = n == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b ? new GZIPInputStream(peek) : peek;
            java.io.PushbackInputStream lines = new java.io.PushbackInputStream(in, 1);
            int c;
            long skipped = 0;
            while ((c = lines.read()) == '\n' || c == '\r') {
                skipped++; // the newline ending the record before
            }
            if (c < 0) return close(channel);
            lines.unread(c);
            byte[] line = new byte[MAX_LINE];
            int len = 0;
            while (len < MAX_LINE && (c = lines.read()) >= 0 && c != '\n') line[len++] = (byte) c;
            if (c != '\n') return close(channel);
            Matcher m = HEADER.matcher(new String(line, 0, len, StandardCharsets.ISO_8859_1));
            if (!m.matches() || !m.group(1).contains(" ")) return close(channel);
            long length = Long.parseLong(m.group(5));
            if (in == peek) {
                // a plain file: a record cut short by the end of the file is read as far as it goes, as warcio does
                length = Math.min(length, channel.size() - (offset + skipped + len + 1));
            }
            String fixed = m.group(1).replace(" ", "%20") + " " + m.group(2) + " " + m.group(3) + " " + m.group(4)
                    + " " + length + "\n";
            InputStream record = new SequenceInputStream(
                    new ByteArrayInputStream(fixed.getBytes(StandardCharsets.ISO_8859_1)), lines);
            return Optional.of(new Repaired(Channels.newChannel(record), offset + skipped));
        } catch (IOException | RuntimeException e) {
            channel.close();
            return Optional.empty();
        }
    }

    private static Optional<Repaired> close(FileChannel channel) throws IOException {
        channel.close();
        return Optional.empty();
    }
}
