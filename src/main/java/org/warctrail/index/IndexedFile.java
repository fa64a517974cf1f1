package org.warctrail.index;

/**
 * A WARC or ARC file the index knows.
 *
 * @param name         as index rows name it: relative to warcs/, or absolute for a file indexed in place
 * @param indexedBytes every record starting before this offset is indexed; indexing resumes here
 * @param fingerprint  identity of the file's content as it was imported (see {@code ingest.Fingerprint}), or null
 * @param origin       where an imported file came from, or null for the store's own files
 */
public record IndexedFile(long id, String name, long size, long mtime, long indexedBytes, String fingerprint,
                          String origin) {
}
