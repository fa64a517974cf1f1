package org.warctrail.provenance;

import java.util.Locale;
import org.warctrail.extract.LinkKind;

/** Which edges a provenance chain follows. */
public final class EdgeKinds {
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

    /** Whether a link kind can point to an earlier source: a source link, or a plain link in the text. */
    public static boolean mayBeSource(String kind) {
        return followsLink(kind) || LinkKind.LINK.label().equals(kind == null ? null : kind.toLowerCase(Locale.ROOT));
    }
}
