package org.warctrail.index;

/** Counts of what the store holds. */
public record StoreStats(long captures, long urls, long documents, long files, long bytes) {
}
