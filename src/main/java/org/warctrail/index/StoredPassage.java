package org.warctrail.index;

/** A passage two documents share: character spans in each document's text (end exclusive), words matched. */
public record StoredPassage(int sourceStart, int sourceEnd, int targetStart, int targetEnd, int words) {
}
