package org.warctrail.versions;

import java.util.List;

/**
 * A paragraph inserted, deleted or changed.
 *
 * @param op        insert, delete or change
 * @param from      the old paragraph, null for an insert
 * @param to        the new paragraph, null for a delete
 * @param fromIndex position among the old version's paragraphs, -1 for an insert
 * @param toIndex   position among the new version's paragraphs, -1 for a delete
 * @param score     share of the paragraph's words changed, 0..1 (1 for an insert or delete)
 * @param minor     only punctuation, case, whitespace or typo edits, or a paragraph that moved unchanged
 * @param reasons   why it is minor ("punctuation", "case", "whitespace", "spelling", "moved"); empty otherwise
 * @param tokens    word-level runs for a change (empty for an insert or delete)
 */
public record ParagraphChange(ParagraphOp op, String from, String to, int fromIndex, int toIndex, double score,
                              boolean minor, List<String> reasons, List<TokenRun> tokens) {

    public ParagraphChange {
        reasons = List.copyOf(reasons);
        tokens = List.copyOf(tokens);
    }
}
