package org.warctrail.extract;

/**
 * A quotation in the main text.
 *
 * @param text    the words inside the quotation marks (or the blockquote)
 * @param speaker who the text says spoke them, or null
 * @param start   character offset of the quotation in {@link Document#text()}
 * @param end     end offset (exclusive) in {@link Document#text()}
 */
public record Quote(String text, String speaker, int start, int end) {
}
