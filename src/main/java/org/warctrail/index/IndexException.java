package org.warctrail.index;

/** A failure of the index database, with the statement's purpose in its message. */
public final class IndexException extends RuntimeException {
    public IndexException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a failure comes from a full disk (SQLite's SQLITE_FULL, or the file system's ENOSPC). */
    public static boolean isDiskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("SQLITE_FULL") || m.contains("database or disk is full")
                    || m.contains("No space left on device"))) return true;
            for (Throwable s : t.getSuppressed()) if (isDiskFull(s)) return true;
        }
        return false;
    }

    /** Whether a failure says the index file is damaged or not a database at all. */
    public static boolean isCorrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB")
                    || m.contains("malformed") || m.contains("file is not a database"))) return true;
        }
        return false;
    }
}
