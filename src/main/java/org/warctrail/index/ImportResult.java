package org.warctrail.index;

import java.util.List;

/** What an import (or a reindex) did, file by file. */
public record ImportResult(List<ImportedFile> files) {
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
