package org.warctrail.report;

import java.util.List;
import org.warctrail.provenance.LikelyOrigin;
import org.warctrail.provenance.TraceHop;
import org.warctrail.provenance.TraceMatch;
import org.warctrail.provenance.UnarchivedLink;

/**
 * A quotation on the page traced through the archive, as {@code trace} gives it: every capture holding it, the
 * origin and why, and the link path from each match to the origin.
 *
 * @param originReason the rule that decided the origin (links, earliest published, earliest captured), or null
 * @param paths        one path per match that leads to the origin, each a list of hops
 * @param likelyOrigin a source the matching pages cite next to the quote that the archive lacks, or null
 */
public record QuoteTrail(String quote, String speaker, List<Match> matches, String originReason,
                         List<List<TraceHop>> paths, List<UnarchivedLink> unarchived, LikelyOrigin likelyOrigin) {
    public QuoteTrail {
        matches = List.copyOf(matches);
        paths = paths.stream().map(List::copyOf).toList();
        unarchived = List.copyOf(unarchived);
    }

    /** A capture holding the quote; {@code origin} for the one it is traced to. */
    public record Match(TraceMatch match, ArchivedCopy copy, boolean origin) {
    }

    /** The origin's match, or null when nothing matched. */
    public Match origin() {
        return matches.stream().filter(Match::origin).findFirst().orElse(null);
    }
}
