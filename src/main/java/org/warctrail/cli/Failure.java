package org.warctrail.cli;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/** Turns an exception into the one line a user reads. */
final class Failure {
    private Failure() {
    }

    static String describe(Throwable ex) {
        if (org.warctrail.index.IndexException.isDiskFull(ex)) {
            return "the disk is full; free some space and run the command again (" + ex.getMessage() + ")";
        }
        if (ex instanceof org.warctrail.index.IndexException && org.warctrail.index.IndexException.isCorrupt(ex)) {
            return "index.sqlite is damaged (" + ex.getMessage() + "): run `warctrail reindex` to rebuild it";
        }
        if (ex instanceof NoSuchFileException e) return "no such file: " + e.getFile();
        if (ex instanceof AccessDeniedException e) return "permission denied: " + e.getFile();
        String message = ex.getMessage();
        if (message == null || message.isBlank()) message = ex.getClass().getSimpleName();
        return message;
    }
}
