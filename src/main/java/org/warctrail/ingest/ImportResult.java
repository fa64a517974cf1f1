package org.warctrail.ingest;

import java.util.List;

/**
 * What an import (or a reindex) did, file by file.
 *
 * @param diskFull the disk filled up, so the files after the last one were not imported
 */
public record ImportResult(List<ImportedFile> files, boolean diskFull) {
    public ImportResult(List<ImportedFile> files) {
        this(files, false);
    }

    public long records() {
        return files.stream().mapToLong(f -> f.report().records()).sum();
    }

    public long captures() {
        return files.stream().mapToLong(f -> f.report().captures()).sum();
    }

    public long documents() {
        return files.stream().mapToLong(f -> f.report().documents()).sum();
    }

    public long badRecords() {
        return files.stream().mapToLong(f -> f.report().badRecords().size()).sum();
    }
}
