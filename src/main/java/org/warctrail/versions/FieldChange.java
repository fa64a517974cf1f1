package org.warctrail.versions;

/**
 * A metadata field that differs: title, authors, published, modified, canonical, lang, status, redirect.
 *
 * @param minor true when only punctuation, case or a typo differ (a headline typo fix)
 */
public record FieldChange(String name, String from, String to, boolean minor) {
}
