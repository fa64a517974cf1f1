package org.warctrail.web;

import java.util.List;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainNode;

/** The provenance page: the chain, its drawing, the reused passages and the gaps to capture. */
public record ProvenanceView(Chain chain, ChainNode root, int depth, ChainLayout.Drawing drawing,
                             List<ProvenancePage.SharedPassage> passages, List<ChainNode> gaps, boolean tokenRequired,
                             String apiHref, String timelineHref) {
}
