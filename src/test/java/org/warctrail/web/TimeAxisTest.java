package org.warctrail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trace timeline's axis: clusters of dates years apart each get a readable stretch, the gap is cut out. */
class TimeAxisTest {
    private static long at(String iso) {
        return Instant.parse(iso).getEpochSecond();
    }

    @Test
    void publicationsInOneWeekAndCapturesTenYearsLaterEachGetTheirOwnScale() {
        List<Long> published = List.of(at("2016-10-05T08:00:00Z"), at("2016-10-06T10:30:00Z"),
                at("2016-10-07T07:15:00Z"), at("2016-10-08T12:00:00Z"));
        List<Long> captured = List.of(at("2026-12-02T15:40:01Z"), at("2026-12-02T15:40:02Z"),
                at("2026-12-02T15:52:30Z"));
        TimeAxis axis = TimeAxis.of(java.util.stream.Stream.concat(published.stream(), captured.stream()).toList(), 16, 560);

        assertEquals(2, axis.segments().size());
        assertEquals(List.of("2016-10-05 – 2016-10-08", "2026-12-02"),
                axis.segments().stream().map(TimeAxis.Segment::caption).toList());
        assertEquals(1, axis.breaks().size());
        assertEquals("10 years", axis.breaks().get(0).label());
        // the four publications spread over the first stretch, in order, a day apart being many pixels
        List<Integer> xs = published.stream().map(axis::x).toList();
        for (int i = 1; i < xs.size(); i++) assertTrue(xs.get(i) - xs.get(i - 1) > 40, xs.toString());
        assertTrue(xs.get(3) < axis.breaks().get(0).x(), "publications left of the cut");
        assertTrue(axis.x(captured.get(0)) > axis.breaks().get(0).x() + axis.breaks().get(0).width());
        assertTrue(axis.x(captured.get(2)) - axis.x(captured.get(0)) > 100, "12 minutes are readable too");
        assertTrue(axis.broken(published.get(0), captured.get(0)));
        // ticks: days in 2016 (MM-dd), times of day in 2026, all within the axis
        List<String> labels = axis.ticks().stream().map(TimeAxis.Tick::label).toList();
        assertTrue(labels.containsAll(List.of("10-06", "10-07", "10-08")), labels.toString());
        assertTrue(labels.stream().anyMatch(l -> l.matches("15:\\d0")), labels.toString());
        assertTrue(axis.ticks().stream().allMatch(t -> t.x() >= 16 && t.x() <= 576), axis.ticks().toString());
    }

    @Test
    void datesSpreadEvenlyStayOnOneScale() {
        TimeAxis axis = TimeAxis.of(List.of(at("2019-01-01T00:00:00Z"), at("2020-06-01T00:00:00Z"),
                at("2021-11-01T00:00:00Z"), at("2023-04-01T00:00:00Z")), 0, 500);
        assertEquals(1, axis.segments().size());
        assertTrue(axis.breaks().isEmpty());
        assertTrue(axis.ticks().stream().map(TimeAxis.Tick::label).toList().containsAll(List.of("2020", "2021", "2022", "2023")),
                axis.ticks().toString());
    }

    @Test
    void oneInstantIsOneTickInTheMiddle() {
        TimeAxis axis = TimeAxis.of(List.of(at("2026-12-02T15:40:01Z")), 0, 500);
        assertEquals(250, axis.x(at("2026-12-02T15:40:01Z")));
        assertEquals(List.of(new TimeAxis.Tick(250, "15:40")), axis.ticks());
    }

    @Test
    void aTraceWithoutMatchesHasAnEmptyAxis() {
        TraceTimeline timeline = TraceTimeline.of(new org.warctrail.provenance.Trace("words found nowhere", List.of(),
                null, List.of(), List.of()));
        assertTrue(timeline.axis().segments().isEmpty() && timeline.axis().ticks().isEmpty() && timeline.rows().isEmpty());
    }
}
