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
 * The matches of a trace on a time axis, one row each: a dot where the page says it was published and a square
 * where it was captured, on one scale from the earliest date to the latest; the origin's row marked.
 */
public record TraceTimeline(int width, int height, String start, String end, List<Row> rows) {
    static final int LEFT = 16;
    static final int AXIS = 560;
    static final int ROW = 30;
    static final int TOP = 24;
    static final int LABELS = 380;

    /** @param published x of the published dot, or -1 when the page gives no date */
    public record Row(String url, String title, int y, int published, int captured, boolean origin, String publishedText,
                      String capturedText, String snapshotHref, String speaker, String context, double score) {
        /** Where the row's label starts: right of the axis. */
        public int labelX() {
            return LEFT + AXIS + 24;
        }

        public String shortTitle() {
            return ChainLayout.shorten(title, 52);
        }
    }

    static TraceTimeline of(Trace trace) {
        List<TraceMatch> matches = trace.matches();
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (TraceMatch m : matches) {
            Long p = published(m.published());
            long c = CaptureTime.toInstant(m.timestamp()).getEpochSecond();
            min = Math.min(min, Math.min(c, p == null ? c : p));
            max = Math.max(max, Math.max(c, p == null ? c : p));
        }
        if (matches.isEmpty()) {
            return new TraceTimeline(LEFT * 2 + AXIS + LABELS, TOP, "", "", List.of());
        }
        double span = Math.max(1, max - min);
        List<Row> rows = new ArrayList<>();
        String originUrl = trace.origin() == null ? null : trace.origin().url();
        String originTs = trace.origin() == null ? null : trace.origin().timestamp();
        for (int i = 0; i < matches.size(); i++) {
            TraceMatch m = matches.get(i);
            Long p = published(m.published());
            long c = CaptureTime.toInstant(m.timestamp()).getEpochSecond();
            int y = TOP + i * ROW + ROW / 2;
            rows.add(new Row(m.url(), m.title() == null || m.title().isBlank() ? m.url() : m.title(), y,
                    p == null ? -1 : LEFT + (int) Math.round((p - min) / span * AXIS),
                    LEFT + (int) Math.round((c - min) / span * AXIS),
                    m.url().equals(originUrl) && (originTs == null || originTs.equals(m.timestamp())),
                    m.published() == null ? null : ChainLayout.day(m.published()),
                    CaptureTime.display(m.timestamp()),
                    ArchiveUrls.replay(m.timestamp(), ReplayMode.FRAME, m.url()), m.speaker(), context(m.context()), m.score()));
        }
        return new TraceTimeline(LEFT * 2 + AXIS + LABELS, TOP + matches.size() * ROW + 8,
                Instant.ofEpochSecond(min).toString().substring(0, 10), Instant.ofEpochSecond(max).toString().substring(0, 10), rows);
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
