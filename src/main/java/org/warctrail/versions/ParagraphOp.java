package org.warctrail.versions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What happened to a paragraph between two versions. */
public enum ParagraphOp {
    INSERT, DELETE, CHANGE;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
