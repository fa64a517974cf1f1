package org.warctrail.web;

import java.util.List;
import org.warctrail.provenance.Trace;

/**
 * The quote-trace page; {@code quote} null before a quote is given. {@code citers} are the pages citing the likely
 * origin, each with the link to its snapshot as {@code url} (empty when there is no likely origin).
 */
public record TraceView(String quote, Trace trace, TraceTimeline timeline, List<Path> paths, List<Step> citers,
                        boolean tokenRequired, String apiHref) {

    static TraceView empty(boolean tokenRequired) {
        return new TraceView(null, null, null, List.of(), List.of(), tokenRequired, null);
    }

    /** This page's own path, for a capture started here to come back to. */
    public String backPath() {
        return quote == null ? "/trace" : "/trace?q=" + ArchiveUrls.encode(quote);
    }

    /** A page on a path to the origin; {@code kind} is the kind of the hop that reached it (null for the first). */
    public record Step(String url, String title, String kind) {
        public String label() {
            return title != null && !title.isBlank() ? title : url;
        }
    }

    public record Path(List<Step> steps) {
    }
}
