package org.warctrail.provenance;

import java.util.List;

/**
 * An edge of a provenance chain, from a page towards one of its sources.
 *
 * @param kind    a link kind label ({@code continuation}, {@code citation}, ...), {@code redirect} or {@code reuse}
 * @param text    the anchor text; for reuse, a summary ("reuses 3 passages, 41% of its text, from ...")
 * @param context the sentence around the link; for reuse, the start of the first shared passage
 * @param status  the HTTP status of a redirect, else null
 * @param share   for reuse, the share of the page's text copied from the source (0..1), else null
 * @param discrepancies numbers, quotes and names the page says otherwise than the source (any of its versions),
 *                in a sentence they share; empty for edges that carry no text (redirects, plain links)
 */
public record ChainEdge(String from, String to, String kind, String text, String context, Integer status,
                        Double share, List<Discrepancy> discrepancies) {
    public static final String REDIRECT = "redirect";
    public static final String REUSE = "reuse";
    private static final int CONTEXT_CHARS = 200;

    public ChainEdge {
        discrepancies = discrepancies == null ? List.of() : List.copyOf(discrepancies);
    }

    /** An edge with no discrepancies (before they are compared). */
    public ChainEdge(String from, String to, String kind, String text, String context, Integer status, Double share) {
        this(from, to, kind, text, context, status, share, List.of());
    }

    public static ChainEdge redirect(String from, String to, int status) {
        return new ChainEdge(from, to, REDIRECT, null, null, status, null);
    }

    /**
     * The edge a reuse record makes, from the page that copied to its source, with the share of its text it copied
     * and, as context, the start of the first passage (taken from the target's text when given).
     */
    public static ChainEdge reuse(Reuse reuse, String targetText) {
        String context = null;
        if (targetText != null && !reuse.passages().isEmpty()) {
            Passage first = reuse.passages().get(0);
            String passage = targetText.substring(first.targetStart(), Math.min(first.targetEnd(), targetText.length()))
                    .replaceAll("\\s+", " ").strip();
            context = passage.length() <= CONTEXT_CHARS ? passage : passage.substring(0, CONTEXT_CHARS) + "…";
        }
        return new ChainEdge(reuse.targetUrl(), reuse.sourceUrl(), REUSE, reuse.describe(), context, null,
                Math.round(reuse.targetShare() * 1000) / 1000.0);
    }

    public ChainEdge withEnds(String newFrom, String newTo) {
        return new ChainEdge(newFrom, newTo, kind, text, context, status, share, discrepancies);
    }

    public ChainEdge withDiscrepancies(List<Discrepancy> found) {
        return new ChainEdge(from, to, kind, text, context, status, share, found);
    }
}
