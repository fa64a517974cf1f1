package org.warctrail.spark;

import java.io.Serializable;

/**
 * The part of one WARC file a Spark task reads: the records that start in [start, end). A file is one split unless
 * it is large and local, when it is cut at byte positions and each split begins at the first record boundary (a
 * gzip member's header) at or after its start, as Hadoop's line splits do.
 *
 * @param file  the file's URI (file:, hdfs:, s3a:)
 * @param start byte offset where the split's first record starts or after which it is looked for
 * @param end   records starting at or after this offset belong to the next split (Long.MAX_VALUE: to the end)
 */
public record WarcSplit(String file, long start, long end) implements Serializable {
    public boolean whole() {
        return start == 0 && end == Long.MAX_VALUE;
    }
}
