package org.warctrail.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A horizontal time axis for instants that may lie years apart in clusters (pages published one week, captured
 * ten years later): each cluster gets its own stretch of the axis at its own scale, with ticks and dated labels,
 * and the long gaps between clusters are cut out and shown as breaks labelled with how long they are. On one
 * linear scale every cluster would shrink to a point.
 *
 * @param segments the stretches, left to right
 * @param breaks   the cut-out gaps between them
 * @param ticks    every stretch's ticks
 */
public record TimeAxis(List<Segment> segments, List<Break> breaks, List<Tick> ticks) {
    /** Width of a break on the axis. */
    static final int BREAK = 60;
    /** Space at either end of a stretch, so marks do not sit on a break. */
    static final int PAD = 12;
    /** Width of a tick label with room around it. */
    static final int TICK_SPACING = 56;
    /**
     * A gap is cut out when it is this many times the median gap between the dates (dates spread evenly stay on
     * one scale; a week of publications and a day of captures ten years later do not)...
     */
    static final int GAP_RATIO = 10;
    /** ...and longer than this: days of news are read on one scale. */
    static final long MIN_GAP_SECONDS = 3 * 86_400L;

    /** A stretch of the axis: instants from {@code start} to {@code end} (epoch seconds) drawn from x to x + width. */
    public record Segment(int x, int width, long start, long end, String caption) {
        int at(long t) {
            if (end == start) return x + width / 2;
            return x + PAD + (int) Math.round((double) (t - start) / (end - start) * (width - 2 * PAD));
        }
    }

    /** A gap cut out of the axis, from x to x + width, with its length in words ("9 years"). */
    public record Break(int x, int width, String label) {
        public int middle() {
            return x + width / 2;
        }
    }

    public record Tick(int x, String label) {
    }

    private record Unit(ChronoUnit unit, int step, long seconds, String format) {
    }

    private static final List<Unit> UNITS = List.of(
            new Unit(ChronoUnit.MINUTES, 1, 60, "HH:mm"), new Unit(ChronoUnit.MINUTES, 10, 600, "HH:mm"),
            new Unit(ChronoUnit.HOURS, 1, 3_600, "HH:mm"), new Unit(ChronoUnit.HOURS, 6, 21_600, "HH:mm"),
            new Unit(ChronoUnit.DAYS, 1, 86_400, "MM-dd"), new Unit(ChronoUnit.DAYS, 2, 172_800, "MM-dd"),
            new Unit(ChronoUnit.DAYS, 7, 604_800, "MM-dd"),
            new Unit(ChronoUnit.MONTHS, 1, 2_629_746, "yyyy-MM"), new Unit(ChronoUnit.MONTHS, 3, 7_889_238, "yyyy-MM"),
            new Unit(ChronoUnit.YEARS, 1, 31_556_952, "yyyy"), new Unit(ChronoUnit.YEARS, 5, 157_784_760, "yyyy"),
            new Unit(ChronoUnit.YEARS, 25, 788_923_800, "yyyy"));

    /** The axis over the given instants (epoch seconds, at least one), drawn from x to x + width. */
    static TimeAxis of(List<Long> instants, int x, int width) {
        TreeSet<Long> sorted = new TreeSet<>(instants);
        if (sorted.isEmpty()) throw new IllegalArgumentException("an axis needs at least one instant");
        List<Long> gaps = new ArrayList<>();
        for (long t : sorted) if (t > sorted.first()) gaps.add(t - sorted.lower(t));
        gaps.sort(null);
        long median = gaps.isEmpty() ? 0 : gaps.get(gaps.size() / 2);
        List<long[]> clusters = new ArrayList<>();
        long start = sorted.first();
        long previous = start;
        for (long t : sorted) {
            long gap = t - previous;
            if (gap > MIN_GAP_SECONDS && gap > GAP_RATIO * median) {
                clusters.add(new long[] {start, previous});
                start = t;
            }
            previous = t;
        }
        clusters.add(new long[] {start, previous});

        int each = (width - BREAK * (clusters.size() - 1)) / clusters.size();
        List<Segment> segments = new ArrayList<>();
        List<Break> breaks = new ArrayList<>();
        List<Tick> ticks = new ArrayList<>();
        int at = x;
        for (int i = 0; i < clusters.size(); i++) {
            long[] c = clusters.get(i);
            if (i > 0) {
                breaks.add(new Break(at, BREAK, duration(c[0] - clusters.get(i - 1)[1])));
                at += BREAK;
            }
            Segment s = new Segment(at, each, c[0], c[1], caption(c[0], c[1]));
            segments.add(s);
            ticks.addAll(ticks(s));
            at += each;
        }
        return new TimeAxis(segments, breaks, ticks);
    }

    /** Where an instant of the axis is drawn; an instant between stretches goes to the nearest. */
    public int x(long t) {
        Segment best = segments.get(0);
        for (Segment s : segments) if (t >= s.start()) best = s;
        return best.at(Math.min(Math.max(t, best.start()), best.end()));
    }

    /** Whether two instants lie in different stretches (a line between them crosses a break). */
    public boolean broken(long a, long b) {
        return segment(a) != segment(b);
    }

    private int segment(long t) {
        int found = 0;
        for (int i = 0; i < segments.size(); i++) if (t >= segments.get(i).start()) found = i;
        return found;
    }

    /** Ticks at round times (whole hours, days, months, years) as many as the stretch's width holds. */
    private static List<Tick> ticks(Segment s) {
        long span = s.end() - s.start();
        int room = Math.max(1, (s.width() - 2 * PAD) / TICK_SPACING);
        Unit unit = UNITS.stream().filter(u -> span / u.seconds() <= room).findFirst().orElse(UNITS.get(UNITS.size() - 1));
        DateTimeFormatter format = DateTimeFormatter.ofPattern(unit.format(), Locale.ROOT);
        List<Tick> ticks = new ArrayList<>();
        for (ZonedDateTime t = first(s.start(), unit); !t.toInstant().isAfter(Instant.ofEpochSecond(s.end()));
             t = t.plus(unit.step(), unit.unit())) {
            ticks.add(new Tick(s.at(t.toEpochSecond()), format.format(t)));
        }
        if (ticks.isEmpty()) {
            // a stretch shorter than its unit: one tick at its instant, with the time of day when there is one
            ZonedDateTime t = Instant.ofEpochSecond(s.start()).atZone(ZoneOffset.UTC);
            ticks.add(new Tick(s.at(s.start()), DateTimeFormatter.ofPattern(
                    t.toLocalTime().toSecondOfDay() == 0 ? "MM-dd" : "HH:mm", Locale.ROOT).format(t)));
        }
        return ticks;
    }

    /** The first round time of the unit at or after the instant (UTC). */
    private static ZonedDateTime first(long start, Unit unit) {
        ZonedDateTime t = Instant.ofEpochSecond(start).atZone(ZoneOffset.UTC);
        ZonedDateTime floor = switch (unit.unit()) {
            case MINUTES -> t.truncatedTo(ChronoUnit.HOURS).plusMinutes(t.getMinute() / unit.step() * unit.step());
            case HOURS -> t.truncatedTo(ChronoUnit.DAYS).plusHours(t.getHour() / unit.step() * unit.step());
            case DAYS -> t.truncatedTo(ChronoUnit.DAYS);
            case MONTHS -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1)
                    .withMonth((t.getMonthValue() - 1) / unit.step() * unit.step() + 1);
            default -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1).withYear(t.getYear() / unit.step() * unit.step());
        };
        return floor.toEpochSecond() < start ? floor.plus(unit.step(), unit.unit()) : floor;
    }

    /** The stretch's dates: "2016-10-03 – 2016-10-08", or the one day. */
    private static String caption(long start, long end) {
        LocalDate from = LocalDate.ofInstant(Instant.ofEpochSecond(start), ZoneOffset.UTC);
        LocalDate to = LocalDate.ofInstant(Instant.ofEpochSecond(end), ZoneOffset.UTC);
        return from.equals(to) ? from.toString() : from + " – " + to;
    }

    /** A gap's length in words, rounded: "9 years", "5 months", "12 days". */
    static String duration(long seconds) {
        long days = Math.round(seconds / 86_400.0);
        if (days >= 700) return Math.round(days / 365.25) + " years";
        if (days >= 330) return "1 year";
        if (days >= 60) return Math.round(days / 30.44) + " months";
        return days + " days";
    }
}
