package org.warctrail.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.warctrail.versions.ParagraphChange;
import org.warctrail.versions.ParagraphOp;
import org.warctrail.versions.TokenOp;
import org.warctrail.versions.TokenRun;

/**
 * Lays a diff out as rows for the side-by-side and inline views: the new version's paragraphs in order, the
 * changed and inserted ones from the diff, the unchanged ones between them, and each deleted paragraph where
 * it stood in the old version.
 */
public final class DiffRows {
    private DiffRows() {
    }

    /** A stretch of text and how to mark it: "" (same), "del", "ins", with " minor" and " num" added. */
    public record Run(String text, String mark) {
    }

    /** @param op equal, change, insert or delete */
    public record Row(String op, boolean minor, List<Run> left, List<Run> right, List<Run> inline) {
        public boolean changed() {
            return !op.equals("equal");
        }
    }

    static List<Row> of(List<String> from, List<String> to, List<ParagraphChange> changes) {
        Set<Integer> usedFrom = new HashSet<>();
        Map<Integer, ParagraphChange> byTo = new HashMap<>();
        TreeMap<Integer, ParagraphChange> deletes = new TreeMap<>();
        for (ParagraphChange c : changes) {
            if (c.op() == ParagraphOp.DELETE) deletes.put(c.fromIndex(), c);
            else byTo.put(c.toIndex(), c);
            if (c.fromIndex() >= 0) usedFrom.add(c.fromIndex());
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        for (int j = 0; j < to.size(); j++) {
            ParagraphChange c = byTo.get(j);
            if (c != null && c.op() == ParagraphOp.CHANGE) {
                flushDeletes(deletes, c.fromIndex(), rows);
                rows.add(change(c));
            } else if (c != null) {
                rows.add(whole("insert", c.minor(), c.to()));
            } else {
                while (usedFrom.contains(i)) i++;
                flushDeletes(deletes, i, rows);
                String text = to.get(j);
                rows.add(new Row("equal", false, List.of(new Run(text, "")), List.of(new Run(text, "")),
                        List.of(new Run(text, ""))));
                i++;
            }
        }
        flushDeletes(deletes, Integer.MAX_VALUE, rows);
        // Changes the documents did not place (e.g. indexes beyond the paragraphs read): still shown.
        for (ParagraphChange c : changes) {
            if (c.op() != ParagraphOp.DELETE && c.toIndex() >= to.size()) {
                rows.add(c.op() == ParagraphOp.CHANGE ? change(c) : whole("insert", c.minor(), c.to()));
            }
        }
        return rows;
    }

    private static void flushDeletes(TreeMap<Integer, ParagraphChange> deletes, int before, List<Row> rows) {
        while (!deletes.isEmpty() && deletes.firstKey() < before) {
            ParagraphChange d = deletes.pollFirstEntry().getValue();
            rows.add(whole("delete", d.minor(), d.from()));
        }
    }

    private static Row whole(String op, boolean minor, String text) {
        String mark = (op.equals("insert") ? "ins" : "del") + (minor ? " minor" : "") + (hasDigit(text) ? " num" : "");
        Run run = new Run(text == null ? "" : text, mark);
        return op.equals("insert") ? new Row(op, minor, List.of(), List.of(run), List.of(run))
                : new Row(op, minor, List.of(run), List.of(), List.of(run));
    }

    private static Row change(ParagraphChange c) {
        List<Run> left = new ArrayList<>();
        List<Run> right = new ArrayList<>();
        List<Run> inline = new ArrayList<>();
        if (c.tokens().isEmpty()) {
            left.add(new Run(c.from(), "del"));
            right.add(new Run(c.to(), "ins"));
            inline.add(new Run(c.from(), "del"));
            inline.add(new Run(c.to(), "ins"));
        }
        for (TokenRun t : c.tokens()) {
            String extra = (t.minor() ? " minor" : "") + (hasDigit(t.text()) ? " num" : "");
            if (t.op() == TokenOp.EQUAL) {
                Run run = new Run(t.text(), "");
                left.add(run);
                right.add(run);
                inline.add(run);
            } else if (t.op() == TokenOp.DELETE) {
                Run run = new Run(t.text(), "del" + extra);
                left.add(run);
                inline.add(run);
            } else {
                Run run = new Run(t.text(), "ins" + extra);
                right.add(run);
                inline.add(run);
            }
        }
        return new Row("change", c.minor(), left, right, inline);
    }

    private static boolean hasDigit(String s) {
        if (s == null) return false;
        for (int k = 0; k < s.length(); k++) if (Character.isDigit(s.charAt(k))) return true;
        return false;
    }
}
