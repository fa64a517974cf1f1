package org.warctrail.export;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcWriter;
import org.warctrail.index.CaptureRow;
import org.warctrail.store.FilePrefixChannel;

/**
 * One WARC file of a WACZ package, made from one file of the store: the whole file, or the chosen records of it,
 * copied gzip member by gzip member (plain records as they are), so every digest and every byte stays as it was
 * captured. Zstandard files, which browser replay cannot read, are the exception: their records are rewritten
 * as gzip members (headers and blocks unchanged). Knows where each capture of the source lands in the copy.
 */
final class WaczWarc {
    /** New place of a record: offset and length in the package's file. */
    private record Place(long offset, long length) {
    }

    private final String name;
    private final List<ByteRange> ranges;
    /** Old offset to new place; null when the file is copied whole and nothing moves. */
    private final Map<Long, Place> moved;
    private final Path temporary;
    private final long records;

    private WaczWarc(String name, List<ByteRange> ranges, Map<Long, Place> moved, Path temporary, long records) {
        this.name = name;
        this.ranges = ranges;
        this.moved = moved;
        this.temporary = temporary;
        this.records = records;
    }

    /** The file name inside {@code archive/}, as the package's CDXJ names it. */
    String name() {
        return name;
    }

    List<ByteRange> ranges() {
        return ranges;
    }

    /** Records copied, -1 when the file was copied whole without reading it. */
    long records() {
        return records;
    }

    static boolean isZstd(Path source) {
        return source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zst");
    }

    static boolean isArc(Path source) {
        String n = source.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".arc") || n.endsWith(".arc.gz");
    }

    /** The name a source file takes in the package: zstd files become .warc.gz. */
    static String packageName(Path source) {
        String n = source.getFileName().toString();
        return isZstd(source) ? n.substring(0, n.length() - ".warc.zst".length()) + ".warc.gz" : n;
    }

    /**
     * The first {@code length} bytes of a gzip or plain WARC/ARC file, unchanged (offsets stay valid). A zstd file
     * is rewritten whole instead.
     */
    static WaczWarc whole(String name, Path source, long length, Path tempDir, Consumer<String> notices)
            throws IOException {
        if (isZstd(source)) return choose(name, source, null, Set.of(), tempDir, notices);
        return new WaczWarc(name, List.of(new ByteRange(source, 0, length)), null, null, -1);
    }

    /**
     * The chosen records of a file: the captures at the offsets of {@code captures} (offset to length, as the
     * index has them), the records {@code ids} names and the records concurrent to one of them (the request of a
     * response, its metadata), and the file's opening warcinfo (or ARC file header). Reads the file once, front to
     * back; a record that cannot be read ends the scan with a notice, and the captures past it are then copied
     * by the index's offset and length. A null {@code captures} takes every record.
     */
    static WaczWarc choose(String name, Path source, Map<Long, Long> captures, Set<String> ids, Path tempDir,
                           Consumer<String> notices) throws IOException {
        boolean transcode = isZstd(source);
        boolean arc = isArc(source);
        List<ByteRange> ranges = new ArrayList<>();
        Map<Long, Place> moved = new HashMap<>();
        Path temporary = transcode ? Files.createTempFile(tempDir, "wacz-", ".warc.gz") : null;
        long copied = 0;
        long records = 0;
        long size = Files.size(source);
        try (FilePrefixChannel in = new FilePrefixChannel(FileChannel.open(source), size);
             WarcReader reader = new WarcReader(in);
             FileChannel out = transcode ? FileChannel.open(temporary, StandardOpenOption.WRITE) : null;
             WarcWriter writer = transcode ? new WarcWriter(out, WarcCompression.GZIP) : null) {
            reader.setLenient(true);
            long start = 0;
            WarcRecord record;
            try {
                record = reader.next().orElse(null);
                start = reader.position();
            } catch (IOException | RuntimeException e) {
                notices.accept(unreadable(source, 0, e));
                record = null;
            }
            while (record != null) {
                boolean take = captures == null || captures.containsKey(start)
                        || (start == 0 && (arc || "warcinfo".equals(record.type())))
                        || related(record, ids);
                long newOffset = transcode ? writer.position() : copied;
                if (take && transcode) writer.write(record);
                WarcRecord following;
                try {
                    following = reader.next().orElse(null);
                } catch (IOException | RuntimeException e) {
                    // a zstd reader at the end of the file asks on for more (see FilePrefixChannel): not an error
                    if (!(FilePrefixChannel.isReadPastEnd(e) && reader.position() >= size)) {
                        notices.accept(unreadable(source, start, e));
                    }
                    following = null;
                }
                long end = reader.position();
                if (end <= start) {
                    // The scan broke inside this record: only the index knows where it ends.
                    Long known = captures == null ? null : captures.get(start);
                    end = known == null ? start : start + known;
                    if (known == null) take = false;
                }
                if (take) {
                    long length = transcode ? writer.position() - newOffset : end - start;
                    moved.put(start, new Place(newOffset, length));
                    if (!transcode) {
                        ByteRange last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
                        if (last != null && last.end() == start) {
                            ranges.set(ranges.size() - 1, new ByteRange(source, last.start(), end - last.start()));
                        } else {
                            ranges.add(new ByteRange(source, start, end - start));
                        }
                    }
                    copied += length;
                    records++;
                }
                record = following;
                start = end;
            }
        } catch (IOException | RuntimeException e) {
            if (temporary != null) Files.deleteIfExists(temporary);
            throw e;
        }
        if (transcode) {
            ranges = List.of(new ByteRange(temporary, 0, Files.size(temporary)));
        } else if (captures != null) {
            // Captures the scan did not reach (it stopped at a damaged record): the index knows their bytes.
            List<Long> missed = captures.keySet().stream().filter(o -> !moved.containsKey(o)).sorted().toList();
            for (long offset : missed) {
                long length = captures.get(offset);
                moved.put(offset, new Place(copied, length));
                ranges.add(new ByteRange(source, offset, length));
                copied += length;
                records++;
            }
        }
        return new WaczWarc(name, ranges, moved, temporary, records);
    }

    /** Where a capture of the source lies in this file, or empty when it was not copied. */
    Optional<CaptureRow> relocate(CaptureRow row) {
        if (moved == null) {
            return Optional.of(withPlace(row, row.offset(), row.length()));
        }
        Place place = moved.get(row.offset());
        return place == null ? Optional.empty() : Optional.of(withPlace(row, place.offset(), place.length()));
    }

    private CaptureRow withPlace(CaptureRow row, long offset, long length) {
        return new CaptureRow(row.id(), row.surt(), row.timestamp(), row.url(), row.status(), row.mime(),
                row.digest(), row.recordType(), offset, length, name, row.recordId(), row.redirect(),
                row.refersToUrl(), row.refersToTimestamp(), row.method(), row.requestBody());
    }

    /** Deletes the rewritten copy of a zstd file, if there is one. */
    void discard() throws IOException {
        if (temporary != null) Files.deleteIfExists(temporary);
    }

    private static boolean related(WarcRecord record, Set<String> ids) {
        if (ids.isEmpty()) return false;
        Optional<String> id = record.headers().first("WARC-Record-ID");
        if (id.isPresent() && ids.contains(bare(id.get()))) return true;
        for (String other : record.headers().all("WARC-Concurrent-To")) {
            if (ids.contains(bare(other))) return true;
        }
        return false;
    }

    /** A record id without the angle brackets WARC headers put around it, as the index stores it. */
    static String bare(String id) {
        String s = id.strip();
        return s.startsWith("<") && s.endsWith(">") ? s.substring(1, s.length() - 1) : s;
    }

    private static String unreadable(Path source, long after, Exception e) {
        return source + ": unreadable record after offset " + after + " (" + e.getMessage()
                + "); the rest of the file is copied by the index's offsets only";
    }
}
