package org.warctrail.provenance;

/**
 * Where a quote was found in a text.
 *
 * @param score   1.0 for the exact words; less by the share of the quote's words changed, missing or added
 * @param start   character offset of the first matched word in the text
 * @param end     character offset just past the last matched word
 * @param context the match with some text either side, whitespace collapsed, "…" where it was cut
 */
record QuoteMatch(double score, int start, int end, String context) {
}
