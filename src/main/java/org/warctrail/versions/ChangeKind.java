package org.warctrail.versions;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of difference there is between a version and the one before it. */
public enum ChangeKind {
    /** The first capture of the URL: nothing to compare with. */
    FIRST,
    /** Same payload digest. */
    IDENTICAL,
    /** The payload differs, the article (text, headline, byline, dates, quotes) does not. */
    ARTICLE_UNCHANGED,
    /** The article changed, but only by punctuation, case, whitespace, spelling or moved paragraphs. */
    MINOR,
    /** The article changed in words, numbers, quotes or metadata. */
    SUBSTANTIVE,
    /** The HTTP status changed (a page that now answers 404, or answers again). */
    STATUS,
    /** The page now redirects, or redirects elsewhere. */
    REDIRECT,
    /** The capture failed (a 5xx answer): not a version of the page, never reported as a change. */
    FAILED;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ChangeKind parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether a reader would call this version changed. */
    public boolean changed() {
        return this == MINOR || this == SUBSTANTIVE || this == STATUS || this == REDIRECT;
    }

    public boolean substantive() {
        return this == SUBSTANTIVE || this == STATUS || this == REDIRECT;
    }
}
