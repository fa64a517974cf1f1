package org.warctrail.versions;

/**
 * A run of words inside a changed paragraph, for highlighting. Concatenating the texts of the equal and
 * insert runs gives the new paragraph; the equal and delete runs give the old one. Each text keeps the
 * whitespace in front of its first word.
 *
 * @param minor for insert and delete runs, whether this edit is only punctuation, case, spacing or a typo
 */
public record TokenRun(TokenOp op, String text, boolean minor) {
}
