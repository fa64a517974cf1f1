package org.warctrail.versions;

/** A quotation added or removed between two versions. */
public record QuotedText(String text, String speaker) {
}
