package org.warctrail.provenance;

import java.util.List;

/**
 * A quote traced through the archive: DESIGN.md's {@code trace} JSON. {@code origin} is null when nothing matched;
 * {@code paths} holds one path per match (other than the origin) that leads to the origin. {@code likelyOrigin}
 * is the source most matches cite next to the quote when the archive does not preserve it, else null: the origin
 * is then the best the archive holds, and capturing the likely origin lets the trace decide again.
 */
public record Trace(String quote, List<TraceMatch> matches, TraceOrigin origin, List<List<TraceHop>> paths,
                    List<UnarchivedLink> unarchived, LikelyOrigin likelyOrigin) {
    public Trace {
        matches = List.copyOf(matches);
        paths = paths.stream().map(List::copyOf).toList();
        unarchived = List.copyOf(unarchived);
    }

    /** A trace with no likely origin outside the archive. */
    public Trace(String quote, List<TraceMatch> matches, TraceOrigin origin, List<List<TraceHop>> paths,
                 List<UnarchivedLink> unarchived) {
        this(quote, matches, origin, paths, unarchived, null);
    }
}
