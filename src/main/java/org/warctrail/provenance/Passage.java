package org.warctrail.provenance;

/**
 * A passage two texts share: character spans in each (end exclusive) and the number of words matched exactly
 * (a merged passage may hold a few unmatched words in its gaps).
 */
public record Passage(int sourceStart, int sourceEnd, int targetStart, int targetEnd, int words) {
}
