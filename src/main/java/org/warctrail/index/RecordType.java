package org.warctrail.index;

import java.util.Locale;

/** The WARC-Type of a record the index holds as a capture (an ARC record is a response). */
public enum RecordType {
    /** A server's response, HTTP head and payload. */
    RESPONSE,
    /** A resource stored without an HTTP exchange (a file, a DNS answer, {@code urn:} and {@code metadata:} URLs). */
    RESOURCE,
    /** A capture that stands for an earlier response with the same payload. */
    REVISIT;

    /** The name as WARC headers, CDX lines and the {@code record_type} column write it: "response". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type of a WARC-Type value or {@code record_type} column. */
    public static RecordType of(String wireName) {
        for (RecordType t : values()) {
            if (t.wireName().equals(wireName)) return t;
        }
        throw new IllegalArgumentException("not a capture's record type: " + wireName);
    }

    @Override
    public String toString() {
        return wireName();
    }
}
