package org.warctrail.index;

import java.util.List;

/** Passages a target document copied from an earlier source document, as the reuse tables keep them. */
public record StoredReuse(long sourceId, String sourceUrl, long targetId, String targetUrl, int words,
                          double sourceShare, double targetShare, List<StoredPassage> passages) {
    public StoredReuse {
        passages = List.copyOf(passages);
    }
}
