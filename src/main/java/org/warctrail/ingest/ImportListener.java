package org.warctrail.ingest;

import java.nio.file.Path;
import org.warctrail.index.BadRecord;

/** Hears how an import or a reindex goes, for a progress bar and a report. */
public interface ImportListener {
    /** Before anything is read: how many files and bytes there are to go through. */
    default void planned(int files, long bytes) {
    }

    default void fileStarted(Path file, long size) {
    }

    /** The offset reached in the current file. */
    default void progress(long position) {
    }

    default void badRecord(BadRecord bad) {
    }

    default void fileFinished(ImportedFile file) {
    }

    /** Anything else worth telling the user (a torn tail cut, a file already imported, ...). */
    default void notice(String message) {
    }

    ImportListener NONE = new ImportListener() {
    };
}
