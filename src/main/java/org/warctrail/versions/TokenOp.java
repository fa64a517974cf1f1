package org.warctrail.versions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a run of words is shared by both versions, only in the new one, or only in the old one. */
public enum TokenOp {
    EQUAL, INSERT, DELETE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
