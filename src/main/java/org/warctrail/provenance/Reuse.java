package org.warctrail.provenance;

import java.util.List;
import java.util.Locale;

/**
 * Passages a target document shares with an earlier source document (the earlier one, by published date,
 * else first capture, is the source). Passage offsets are into the source's and the target's text.
 *
 * @param sourceShare the share of the source's words that reappear in the target (0..1)
 * @param targetShare the share of the target's words that come from the source (0..1)
 */
public record Reuse(long sourceId, String sourceUrl, long targetId, String targetUrl, List<Passage> passages,
                    int words, double sourceShare, double targetShare) {
    public Reuse {
        passages = List.copyOf(passages);
    }

    /** "reuses 3 passages, 41% of its text, from URL". */
    public String describe() {
        return String.format(Locale.ROOT, "reuses %d passage%s, %d%% of its text, from %s", passages.size(),
                passages.size() == 1 ? "" : "s", Math.round(targetShare * 100), sourceUrl);
    }
}
