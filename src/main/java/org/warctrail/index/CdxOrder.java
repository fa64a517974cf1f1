package org.warctrail.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The one order of CDX lines, everywhere (the {@code cdx} command, the CDX server, a WACZ's index): the lines'
 * bytes, as {@code sort} with {@code LC_ALL=C} and the ZipNum readers expect. The index hands rows over in
 * (SURT, timestamp) order, which is the lines' order up to the rest of the line; the captures sharing a SURT
 * and a second (http and https of one URL, one record imported from two files) are ordered here by their whole
 * line, so the order never depends on row ids and is the same after a reindex. Holds one such group at a time.
 */
public final class CdxOrder {
    /** UTF-8 byte order, which is code point order (String.compareTo is UTF-16 order, which differs). */
    public static final Comparator<String> BYTES = CdxOrder::compareBytes;

    private record Line(CaptureRow row, String text) {
    }

    private final Function<CaptureRow, String> format;
    private final boolean reverse;
    private final long limit;
    private final BiConsumer<CaptureRow, String> out;
    private final List<Line> group = new ArrayList<>();
    private long emitted;

    /**
     * @param format  the line a row makes, whose bytes order the rows
     * @param reverse rows come in descending (SURT, timestamp) order and go out in descending byte order
     * @param limit   at most this many lines (0: all)
     * @param out     hears each row with its line, in order
     */
    public CdxOrder(Function<CaptureRow, String> format, boolean reverse, long limit,
                    BiConsumer<CaptureRow, String> out) {
        this.format = format;
        this.reverse = reverse;
        this.limit = limit;
        this.out = out;
    }

    /** Takes the next row of the index's order; false once the limit is reached (the caller may stop). */
    public boolean accept(CaptureRow row) {
        if (full()) return false;
        if (!group.isEmpty()) {
            CaptureRow first = group.get(0).row();
            if (!first.surt().equals(row.surt()) || !first.timestamp().equals(row.timestamp())) flushGroup();
        }
        if (full()) return false;
        group.add(new Line(row, format.apply(row)));
        return true;
    }

    /** Sends what is held; call once after the last row. */
    public void finish() {
        flushGroup();
    }

    private boolean full() {
        return limit > 0 && emitted >= limit;
    }

    private void flushGroup() {
        if (group.size() > 1) {
            Comparator<Line> byText = Comparator.comparing(Line::text, BYTES);
            group.sort(reverse ? byText.reversed() : byText);
        }
        for (Line line : group) {
            if (full()) break;
            out.accept(line.row(), line.text());
            emitted++;
        }
        group.clear();
    }

    /** Compares two strings as their UTF-8 bytes compare. */
    public static int compareBytes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
