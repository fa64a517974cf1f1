package org.warctrail.versions;

/**
 * A word, number or punctuation mark of a paragraph, with the whitespace that stood before it.
 * Diffs compare {@link #text} only, so whitespace changes do not show as word edits.
 */
record Token(String text, String space, Type type) {

    enum Type { WORD, NUMBER, PUNCTUATION }

    boolean isWord() {
        return type != Type.PUNCTUATION;
    }

    boolean isNumber() {
        return type == Type.NUMBER;
    }

    /** The number's value with thousands separators removed ("1,000" and "1000" are the same number). */
    String numericValue() {
        return text.replace(",", "");
    }
}
