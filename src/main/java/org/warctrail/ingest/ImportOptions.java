package org.warctrail.ingest;

/**
 * How to import.
 *
 * @param inPlace        index files where they lie (rows name them by absolute path) instead of copying them into
 *                       the store's {@code warcs/imported/}
 * @param maxExpanded    the most bytes one file may expand to when the import has to decompress it (a WACZ entry,
 *                       a whole-file gzip stored decompressed): a zip or gzip bomb stops there and is reported
 * @param maxRatio       the most a file may expand by (decompressed bytes per compressed byte), past the first
 *                       {@link ExpansionLimit#FLOOR} bytes; text compresses about 5 to 20 times, zeros 1,000 times
 */
public record ImportOptions(boolean inPlace, long maxExpanded, int maxRatio) {
    public static final long DEFAULT_MAX_EXPANDED = 32L << 30;
    public static final int DEFAULT_MAX_RATIO = 100;
    public static final ImportOptions COPY = new ImportOptions(false);
    public static final ImportOptions IN_PLACE = new ImportOptions(true);

    public ImportOptions {
        if (maxExpanded <= 0) throw new IllegalArgumentException("the expansion limit must be positive: " + maxExpanded);
        if (maxRatio <= 1) throw new IllegalArgumentException("the expansion ratio must be more than 1: " + maxRatio);
    }

    public ImportOptions(boolean inPlace) {
        this(inPlace, DEFAULT_MAX_EXPANDED, DEFAULT_MAX_RATIO);
    }

    ExpansionLimit limit() {
        return new ExpansionLimit(maxExpanded, maxRatio);
    }
}
