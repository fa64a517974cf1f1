package org.warctrail.store;

/**
 * Where a record lies: its gzip member (or plain record) in a WARC file.
 *
 * @param file   name relative to the store's {@code warcs/} directory, or an absolute path for a file
 *               indexed where it lies
 * @param offset byte offset of the record's first byte
 * @param length bytes the record takes in the file (compressed length for .gz)
 */
public record RecordLocation(String file, long offset, long length) {
}
