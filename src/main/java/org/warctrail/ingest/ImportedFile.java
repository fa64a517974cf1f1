package org.warctrail.ingest;

import java.nio.file.Path;
import org.warctrail.index.FileIndexReport;

/**
 * One file an import went through.
 *
 * @param source    the file given (for a WACZ entry, the WACZ followed by {@code !/} and the entry name)
 * @param storedAs  its name in the index (relative to warcs/, or absolute when indexed in place)
 * @param duplicate true when the same content was already in the store, so nothing was added
 * @param report    what indexing found (zero counts for a duplicate)
 */
public record ImportedFile(String source, String storedAs, boolean duplicate, FileIndexReport report) {
    /** The entry for a file whose content the store already holds. */
    public static ImportedFile duplicateOf(Path source, String storedAs) {
        return new ImportedFile(source.toString(), storedAs, true,
                new FileIndexReport(storedAs, 0, 0, 0, 0, java.util.List.of(), 0, 0));
    }
}
