package org.warctrail.index;

/** A failure of the index database, with the statement's purpose in its message. */
public final class IndexException extends RuntimeException {
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }
}
