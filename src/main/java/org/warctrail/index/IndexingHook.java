package org.warctrail.index;

import java.util.List;
import java.util.ServiceLoader;

/**
 * Work a later stage does on what was just indexed, such as provenance's text-reuse detection. The index finds
 * the hooks with {@link ServiceLoader} ({@code META-INF/services/org.warctrail.index.IndexingHook}), so it needs
 * no import of the stages after it, and every way documents arrive (capture, import, catch-up, reindex) runs
 * them. A hook runs after each committed batch, must be idempotent (it keeps its own mark of what it has done),
 * and its failures are reported, never fatal to indexing.
 */
public interface IndexingHook {
    /** Called after documents were added to the index; processes whatever it has not yet processed. */
    void documentsIndexed(CaptureIndex index) throws Exception;

    /** The hooks on the class path. */
    static List<IndexingHook> installed() {
        return ServiceLoader.load(IndexingHook.class).stream().map(ServiceLoader.Provider::get).toList();
    }
}
