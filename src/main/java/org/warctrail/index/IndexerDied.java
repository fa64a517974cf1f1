package org.warctrail.index;

import java.io.IOException;

/**
 * Indexing stopped by an Error (out of memory, a linkage or internal error): in the indexing thread or in an
 * extraction that let it escape. What was committed stays, the WARC files are untouched, and the file's mark is
 * where the last committed batch ended, so the next command indexes the rest. A command that meets it fails with
 * its message rather than report what it did as done; an import does not go on to the next file.
 */
public final class IndexerDied extends IOException {
    private static final long serialVersionUID = 1L;

    public IndexerDied(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param extracting the URL under extraction when the Error escaped, or null
     * @param file       the file being indexed
     * @param offset     the record reached
     */
    static IndexerDied of(Error e, String extracting, String file, long offset) {
        String what = extracting != null
                ? "the extraction of " + extracting + " (" + file + ", record at offset " + offset + ") died"
                : "indexing " + file + " died at offset " + offset;
        return new IndexerDied(what + ": " + describe(e) + "; the WARC file is intact and the next command indexes "
                + "the rest", e);
    }

    /** "OutOfMemoryError: Java heap space". */
    public static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
