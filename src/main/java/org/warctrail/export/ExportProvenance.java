package org.warctrail.export;

import java.util.Collection;
import java.util.List;

/** What the provenance stage gives an export: where chains lead, and the evidence to pack beside the pages. */
public interface ExportProvenance {
    /** The URLs the page's provenance chain reaches (its sources, theirs, ...). */
    Collection<String> reached(String url);

    /**
     * The provenance of the exported pages (chains, reuse, quotes) as an object Jackson serialises, or raw JSON
     * as a {@code byte[]}; null for none.
     */
    Object document(List<String> urls);
}
