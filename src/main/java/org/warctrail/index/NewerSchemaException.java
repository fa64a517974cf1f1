package org.warctrail.index;

import java.sql.SQLException;

/** The index was written by a newer warctrail: this one must not read or rewrite it (upgrade, do not reindex). */
public final class NewerSchemaException extends SQLException {
    public NewerSchemaException(int found, int known) {
        super("its schema version " + found + " is newer than this warctrail's (" + known
                + "): it was written by a newer warctrail; upgrade warctrail to open it");
    }
}
