package org.warctrail.provenance;

import java.util.Locale;
import org.warctrail.extract.LinkKind;

/** Which edges a provenance chain follows. */
final class EdgeKinds {
    private EdgeKinds() {
    }

    /** Source links (continuation, citation, attribution, image credit, canonical, syndication) and redirects. */
    public static boolean followsLink(String kind) {
        if (kind == null) return false;
        if (kind.equals(ChainEdge.REDIRECT)) return true;
        try {
            return LinkKind.parse(kind).isSource();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether an edge says which page came first: a redirect, or a continuation, citation, attribution,
     * syndication or canonical link (the page names its source). Not an image credit (it credits a picture, not
     * the words) and not reuse (shared text says nothing of who copied whom).
     */
    public static boolean showsDirection(String kind) {
        if (kind == null) return false;
        if (kind.equals(ChainEdge.REDIRECT)) return true;
        try {
            LinkKind k = LinkKind.parse(kind);
            return k.isSource() && k != LinkKind.IMAGE_CREDIT;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether a link kind can point to an earlier source: a source link, or a plain link in the text. */
    public static boolean mayBeSource(String kind) {
        return followsLink(kind) || LinkKind.LINK.label().equals(kind == null ? null : kind.toLowerCase(Locale.ROOT));
    }
}
