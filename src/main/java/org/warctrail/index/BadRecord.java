package org.warctrail.index;

/** A record that could not be read, and was skipped. */
public record BadRecord(String file, long offset, String reason) {
    @Override
    public String toString() {
        return file + ": bad record at offset " + offset + ": " + reason;
    }
}
