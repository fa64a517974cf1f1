package org.warctrail.versions;

import java.util.Locale;

/**
 * A diff as text for a terminal: the summary, then fields, numbers, quotes, links and paragraphs, with
 * word edits marked {@code [-deleted-]} and {@code {+inserted+}} as {@code git diff --word-diff} does.
 */
public final class DiffText {
    private DiffText() {
    }

    public static String render(VersionDiff d) {
        StringBuilder out = new StringBuilder();
        out.append(d.url()).append('\n');
        out.append(d.from().timestamp()).append(" -> ").append(d.to().timestamp()).append(": ")
                .append(d.summary()).append('\n');
        if (d.changed()) {
            out.append(String.format(Locale.ROOT, "  %s, %.1f%% of words changed%n", d.kind().label(), d.score() * 100));
        }
        for (FieldChange f : d.fields()) {
            out.append("  ").append(f.name()).append(f.minor() ? " (minor)" : "").append(": ")
                    .append(quoted(f.from())).append(" -> ").append(quoted(f.to())).append('\n');
        }
        for (NumberChange n : d.numbers()) {
            out.append("  number: ").append(n.from()).append(" -> ").append(n.to())
                    .append("  (").append(n.fromContext()).append(" => ").append(n.context()).append(")\n");
        }
        for (QuotedText q : d.quotesRemoved()) out.append("  quote removed: ").append(quote(q)).append('\n');
        for (QuotedText q : d.quotesAdded()) out.append("  quote added: ").append(quote(q)).append('\n');
        for (ChangedLink l : d.linksRemoved()) out.append("  link removed: ").append(link(l)).append('\n');
        for (ChangedLink l : d.linksAdded()) out.append("  link added: ").append(link(l)).append('\n');
        for (ParagraphChange p : d.paragraphs()) {
            switch (p.op()) {
                case INSERT -> out.append("  paragraph ").append(p.toIndex() + 1).append(" added")
                        .append(p.minor() ? " (moved)" : "").append(":\n    + ").append(p.to().strip()).append('\n');
                case DELETE -> out.append("  paragraph ").append(p.fromIndex() + 1).append(" removed")
                        .append(p.minor() ? " (moved)" : "").append(":\n    - ").append(p.from().strip()).append('\n');
                case CHANGE -> {
                    out.append(String.format(Locale.ROOT, "  paragraph %d changed (%.0f%% of words%s):%n    ",
                            p.toIndex() + 1, p.score() * 100,
                            p.minor() ? ", minor: " + String.join(", ", p.reasons()) : ""));
                    for (TokenRun r : p.tokens()) {
                        switch (r.op()) {
                            case EQUAL -> out.append(r.text());
                            case DELETE -> out.append(lead(r.text())).append("[-").append(r.text().strip()).append("-]");
                            case INSERT -> out.append(lead(r.text())).append("{+").append(r.text().strip()).append("+}");
                        }
                    }
                    out.append('\n');
                }
            }
        }
        if (!d.otherChanges().isEmpty() && d.changed()) {
            out.append("  also: ").append(String.join("; ", d.otherChanges())).append('\n');
        }
        return out.toString();
    }

    private static String lead(String text) {
        return text.startsWith(" ") ? " " : "";
    }

    private static String quoted(String s) {
        return s == null ? "(none)" : "\"" + s + "\"";
    }

    private static String quote(QuotedText q) {
        return "\u201c" + q.text() + "\u201d" + (q.speaker() == null ? "" : " (" + q.speaker() + ")");
    }

    private static String link(ChangedLink l) {
        return "[" + l.kind() + "] " + l.url() + (l.text() == null || l.text().isBlank() ? "" : " \"" + l.text() + "\"");
    }
}
