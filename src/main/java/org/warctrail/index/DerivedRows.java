package org.warctrail.index;

import java.util.ArrayList;
import java.util.List;
import org.warctrail.extract.Document;

/**
 * Writes captures read elsewhere (a Spark job's output, {@code import --derived}) into the index as the indexer
 * would have: each row with its document, links and quotes, queued for derived data, and the file's mark set
 * to its end so that the store does not index it again.
 */
public final class DerivedRows {
    private static final int BATCH = 2000;

    private final IndexWriter writer;

    public DerivedRows(CaptureIndex index) {
        this.writer = new IndexWriter(index.connections());
    }

    /**
     * @param rows      the file's captures in offset order, ids unset
     * @param documents each row's document, or null
     * @param size      the file's size: its indexed mark
     * @return how many captures were new
     */
    public long write(IndexedFile file, List<CaptureRow> rows, List<Document> documents, long size, long mtime) {
        if (rows.size() != documents.size()) {
            throw new IllegalArgumentException(file.name() + ": " + rows.size() + " rows for " + documents.size()
                    + " documents");
        }
        long added = 0;
        for (int from = 0; from < rows.size() || from == 0; from += BATCH) {
            List<IndexedCapture> batch = new ArrayList<>();
            for (int i = from; i < Math.min(rows.size(), from + BATCH); i++) {
                batch.add(new IndexedCapture(rows.get(i), documents.get(i)));
            }
            boolean last = from + BATCH >= rows.size();
            long mark = last ? size : rows.get(from + BATCH).offset();
            added += writer.write(file.id(), batch, mark, size, mtime);
            if (last) break;
        }
        return added;
    }
}
