package org.warctrail.provenance;

import java.util.List;

/**
 * A quote traced through the archive: DESIGN.md's {@code trace} JSON. {@code origin} is null when nothing matched;
 * {@code paths} holds one path per match (other than the origin) that leads to the origin.
 */
public record Trace(String quote, List<TraceMatch> matches, TraceOrigin origin, List<List<TraceHop>> paths,
                    List<UnarchivedLink> unarchived) {
    public Trace {
        matches = List.copyOf(matches);
        paths = paths.stream().map(List::copyOf).toList();
        unarchived = List.copyOf(unarchived);
    }
}
