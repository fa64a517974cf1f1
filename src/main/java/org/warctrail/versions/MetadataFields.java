package org.warctrail.versions;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.warctrail.extract.Document;

/**
 * Compares the metadata of two documents: headline, byline, published and modified dates, canonical URL,
 * language, description and site name. Differences of form only (the same instant written with another
 * offset, a canonical URL with a tracking parameter, a byline in capitals) are not changes, or minor ones.
 */
final class MetadataFields {
    static final String TITLE = "title";
    static final String AUTHORS = "authors";
    static final String PUBLISHED = "published";
    static final String MODIFIED = "modified";
    static final String CANONICAL = "canonical";
    static final String LANG = "lang";
    static final String DESCRIPTION = "description";
    static final String SITE_NAME = "siteName";

    private MetadataFields() {
    }

    /** Whether a change of this field is a change of the article itself (not of the page around it). */
    static boolean isArticle(String name) {
        return TITLE.equals(name) || AUTHORS.equals(name) || PUBLISHED.equals(name);
    }

    static List<FieldChange> compare(Document a, Document b) {
        List<FieldChange> out = new ArrayList<>();
        text(TITLE, a.title(), b.title(), out);
        String fromAuthors = a.authors().isEmpty() ? null : String.join("; ", a.authors());
        String toAuthors = b.authors().isEmpty() ? null : String.join("; ", b.authors());
        text(AUTHORS, fromAuthors, toAuthors, out);
        date(PUBLISHED, a.published(), b.published(), out);
        date(MODIFIED, a.modified(), b.modified(), out);
        if (!LinkKey.of(a.canonical()).equals(LinkKey.of(b.canonical()))) {
            out.add(new FieldChange(CANONICAL, blankToNull(a.canonical()), blankToNull(b.canonical()), false));
        }
        String fromLang = lang(a.lang());
        String toLang = lang(b.lang());
        if (!Objects.equals(fromLang, toLang)) out.add(new FieldChange(LANG, a.lang(), b.lang(), false));
        text(DESCRIPTION, a.description(), b.description(), out);
        text(SITE_NAME, a.siteName(), b.siteName(), out);
        return out;
    }

    /** A text field: unchanged when equal after trimming, minor when only case, punctuation or typos differ. */
    private static void text(String name, String from, String to, List<FieldChange> out) {
        String f = blankToNull(from);
        String t = blankToNull(to);
        if (Objects.equals(f == null ? null : f.strip(), t == null ? null : t.strip())) return;
        boolean minor = f != null && t != null && WordDiff.compare(f, t, name).minor();
        out.add(new FieldChange(name, f, t, minor));
    }

    private static void date(String name, String from, String to, List<FieldChange> out) {
        String f = blankToNull(from);
        String t = blankToNull(to);
        if (Objects.equals(instant(f), instant(t))) return;
        out.add(new FieldChange(name, f, t, false));
    }

    /** The moment a date string names, so "…T10:00:00Z" and "…T12:00:00+02:00" compare equal. */
    private static String instant(String date) {
        if (date == null) return null;
        String d = date.strip();
        try {
            return OffsetDateTime.parse(d).toInstant().toString();
        } catch (DateTimeParseException e) {
            // not a date-time with offset: try the forms without one
        }
        try {
            return LocalDateTime.parse(d).toString();
        } catch (DateTimeParseException e) {
            // nor a local date-time
        }
        try {
            return LocalDate.parse(d).toString();
        } catch (DateTimeParseException e) {
            return d;
        }
    }

    private static String lang(String lang) {
        String l = blankToNull(lang);
        return l == null ? null : l.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
