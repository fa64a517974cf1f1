package org.warctrail.index;

/**
 * How to import.
 *
 * @param inPlace index files where they lie (rows name them by absolute path) instead of copying them into the
 *                store's {@code warcs/imported/}
 */
public record ImportOptions(boolean inPlace) {
    public static final ImportOptions COPY = new ImportOptions(false);
    public static final ImportOptions IN_PLACE = new ImportOptions(true);
}
