package org.warctrail.spark;

import java.util.Locale;

/** What a run found, as one line: files, captures, documents, links, quotes, reuse pairs, clusters, bad records. */
record JobSummary(long files, long captures, long documents, long links, long quotes, long reusePairs,
                  long quoteClusters, long badRecords, long oversizedBuckets, Seconds seconds) {
    /** Wall time of the stages: reading and extraction with the per-record tables, reuse, quote clusters. */
    record Seconds(double extraction, double reuse, double quoteClusters) {
        double total() {
            return extraction + reuse + quoteClusters;
        }
    }

    String line() {
        return String.format(Locale.ROOT, "warctrail-spark: %d files, %d captures, %d documents, %d links, %d quotes, "
                        + "%d reuse pairs, %d quote clusters, %d bad records (see the errors table), "
                        + "%d oversized band buckets cut; %.1f s (extraction %.1f s, reuse %.1f s, quote clusters %.1f s)",
                files, captures, documents, links, quotes, reusePairs, quoteClusters, badRecords, oversizedBuckets,
                seconds.total(), seconds.extraction(), seconds.reuse(), seconds.quoteClusters());
    }
}
