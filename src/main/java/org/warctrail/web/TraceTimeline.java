package org.warctrail.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.warctrail.provenance.Trace;
import org.warctrail.provenance.TraceMatch;

/**
 * The matches of a trace on one time axis, one row each: a dot where the page says it was published and a square
 * where it was captured, the origin's row marked. Publication and capture are often years apart, so the axis
 * ({@link TimeAxis}) gives each cluster of dates its own scale, with ticks and dates, and cuts the gaps out; a
 * row whose two marks lie either side of a cut is joined by a dashed line.
 *
 * @param start the earliest date shown (yyyy-MM-dd), empty without matches
 * @param end   the latest
 * @param axis  the axis, with no stretches without matches
 */
public record TraceTimeline(int width, int height, String start, String end, TimeAxis axis, List<Row> rows) {
    static final int LEFT = 16;
    static final int AXIS = 560;
    static final int ROW = 36;
    /** Baseline of the tick labels, above the axis line. */
    static final int TICK_LABELS = 14;
    /** The axis line. */
    static final int AXIS_Y = 22;
    /** Baseline of the stretches' dates and the breaks' lengths, below the axis line. */
    static final int CAPTIONS = 38;
    static final int TOP = 48;
    static final int LABELS = 380;

    /**
     * @param published x of the published dot, or -1 when the page gives no date
     * @param bridged   whether publication and capture lie either side of a cut in the axis
     */
    public record Row(String url, String title, int y, int published, int captured, boolean bridged, boolean origin,
                      String publishedText, String capturedText, String snapshotHref, String speaker, String context,
                      double score) {
        /** Where the row's label starts: right of the axis. */
        public int labelX() {
            return LEFT + AXIS + 24;
        }

        public String shortTitle() {
            return ChainLayout.shorten(title, 52);
        }

        /** The row's dates in words, under its title. */
        public String dates() {
            return (publishedText != null ? "published " + publishedText + " · " : "no publication date · ")
                    + "captured " + capturedText;
        }
    }

    /** Where the axis line starts and ends, for the template. */
    public int axisY() {
        return AXIS_Y;
    }

    public int tickLabelY() {
        return TICK_LABELS;
    }

    public int captionY() {
        return CAPTIONS;
    }

    static TraceTimeline of(Trace trace) {
        List<TraceMatch> matches = trace.matches();
        if (matches.isEmpty()) {
            return new TraceTimeline(LEFT * 2 + AXIS + LABELS, TOP, "", "", new TimeAxis(List.of(), List.of(), List.of()), List.of());
        }
        List<Long> instants = new ArrayList<>();
        for (TraceMatch m : matches) {
            Long p = published(m.published());
            if (p != null) instants.add(p);
            instants.add(CaptureTime.toInstant(m.timestamp()).getEpochSecond());
        }
        TimeAxis axis = TimeAxis.of(instants, LEFT, AXIS);
        long min = instants.stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = instants.stream().mapToLong(Long::longValue).max().orElseThrow();
        List<Row> rows = new ArrayList<>();
        String originUrl = trace.origin() == null ? null : trace.origin().url();
        String originTs = trace.origin() == null ? null : trace.origin().timestamp();
        for (int i = 0; i < matches.size(); i++) {
            TraceMatch m = matches.get(i);
            Long p = published(m.published());
            long c = CaptureTime.toInstant(m.timestamp()).getEpochSecond();
            int y = TOP + i * ROW + ROW / 2;
            rows.add(new Row(m.url(), m.title() == null || m.title().isBlank() ? m.url() : m.title(), y,
                    p == null ? -1 : axis.x(p), axis.x(c), p != null && axis.broken(p, c),
                    m.url().equals(originUrl) && (originTs == null || originTs.equals(m.timestamp())),
                    m.published() == null ? null : ChainLayout.day(m.published()),
                    CaptureTime.display(m.timestamp()),
                    ArchiveUrls.replay(m.timestamp(), ReplayMode.FRAME, m.url()), m.speaker(), context(m.context()), m.score()));
        }
        return new TraceTimeline(LEFT * 2 + AXIS + LABELS, TOP + matches.size() * ROW + 8,
                Instant.ofEpochSecond(min).toString().substring(0, 10), Instant.ofEpochSecond(max).toString().substring(0, 10),
                axis, rows);
    }

    private static Long published(String iso) {
        if (iso == null || iso.isBlank()) return null;
        try {
            return OffsetDateTime.parse(iso).toEpochSecond();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(iso.substring(0, Math.min(10, iso.length()))).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
            } catch (DateTimeParseException | StringIndexOutOfBoundsException e2) {
                return null;
            }
        }
    }

    /**
     * The words around a match, without the ellipses the page puts around them; null when there are none (a
     * match that is the whole paragraph would otherwise show as "… …").
     */
    static String context(String context) {
        if (context == null) return null;
        String c = context.strip().replaceAll("^(?:…|\\.\\.\\.|\\s)+|(?:…|\\.\\.\\.|\\s)+$", "");
        return c.isEmpty() ? null : c;
    }
}
