package org.warctrail.versions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Writes the one-line summary of a diff: "headline changed; 1 number changed; 1 quote removed". */
final class SummaryLine {
    private SummaryLine() {
    }

    /** The summary of a version whose article changed. */
    static String ofArticle(List<FieldChange> fields, List<NumberChange> numbers, int quotesAdded,
                            int quotesRemoved, List<ParagraphChange> paragraphs, int paragraphsExplained,
                            int articleLinksAdded, int articleLinksRemoved, Set<String> minorReasons,
                            boolean substantive) {
        if (!substantive) return "minor edits only (" + String.join(", ", minorReasons) + ")";
        List<String> parts = new ArrayList<>();
        int minorEdits = 0;
        for (FieldChange f : fields) {
            if (!MetadataFields.isArticle(f.name())) continue;
            if (f.minor()) {
                minorEdits++;
                continue;
            }
            parts.add(switch (f.name()) {
                case MetadataFields.TITLE -> "headline changed";
                case MetadataFields.AUTHORS -> "byline changed";
                default -> "published date changed";
            });
        }
        counted(parts, numbers.size(), "number", "changed");
        counted(parts, quotesAdded, "quote", "added");
        counted(parts, quotesRemoved, "quote", "removed");
        int inserted = 0;
        int deleted = 0;
        int changed = 0;
        for (ParagraphChange p : paragraphs) {
            if (p.minor()) {
                minorEdits++;
                continue;
            }
            switch (p.op()) {
                case INSERT -> inserted++;
                case DELETE -> deleted++;
                case CHANGE -> changed++;
            }
        }
        counted(parts, inserted, "paragraph", "added");
        counted(parts, deleted, "paragraph", "removed");
        counted(parts, changed - paragraphsExplained, "paragraph", "changed");
        counted(parts, articleLinksAdded, "link", "added to the text");
        counted(parts, articleLinksRemoved, "link", "removed from the text");
        counted(parts, minorEdits, "minor edit", "");
        return String.join("; ", parts);
    }

    /** The summary of a version whose article did not change: say what did. */
    static String ofUnchangedArticle(List<String> otherChanges, boolean onlyLinks) {
        if (otherChanges.isEmpty()) return "no change in the article";
        return "no change in the article (" + (onlyLinks ? "only links changed: " : "")
                + String.join("; ", otherChanges) + ")";
    }

    static void counted(List<String> parts, int n, String noun, String verb) {
        if (n <= 0) return;
        String line = n + " " + plural(n, noun);
        parts.add(verb.isEmpty() ? line : line + " " + verb);
    }

    static String plural(int n, String noun) {
        return n == 1 ? noun : noun + "s";
    }
}
