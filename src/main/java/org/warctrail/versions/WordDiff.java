package org.warctrail.versions;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The word-level diff of two aligned texts (two versions of a paragraph, or of a headline): runs for
 * highlighting, how many tokens changed, whether every edit is minor, and the numbers changed in place.
 *
 * @param changedTokens     tokens deleted plus tokens inserted
 * @param totalTokens       tokens of both texts
 * @param reasons           why the edits are minor, when {@code minor}
 * @param explainedByNumbers every substantive edit is a number change (so a summary need not count the
 *                           paragraph again)
 */
record WordDiff(List<TokenRun> runs, int changedTokens, int totalTokens, boolean minor, Set<String> reasons,
                List<NumberChange> numbers, boolean explainedByNumbers) {

    private static final int CONTEXT_TOKENS = 5;

    double score() {
        return totalTokens == 0 ? 0 : (double) changedTokens / totalTokens;
    }

    static WordDiff compare(String from, String to, String where) {
        List<Token> a = WordTokenizer.tokens(from);
        List<Token> b = WordTokenizer.tokens(to);
        List<AbstractDelta<Token>> deltas = DiffUtils.diff(a, b, (x, y) -> x.text().equals(y.text())).getDeltas();
        List<TokenRun> runs = new ArrayList<>();
        List<NumberChange> numbers = new ArrayList<>();
        Set<String> reasons = new LinkedHashSet<>();
        boolean minor = true;
        boolean explained = true;
        int changed = 0;
        int next = 0; // next token of b not yet emitted
        for (AbstractDelta<Token> delta : deltas) {
            List<Token> removed = delta.getSource().getLines();
            List<Token> added = delta.getTarget().getLines();
            int at = delta.getTarget().getPosition();
            if (at > next) runs.add(new TokenRun(TokenOp.EQUAL, WordTokenizer.join(b.subList(next, at)), false));
            next = at + added.size();
            changed += removed.size() + added.size();
            String reason = MinorEdit.reason(removed, added);
            if (reason != null) {
                reasons.add(reason);
            } else {
                minor = false;
                List<NumberChange> found = numbersChanged(a, delta.getSource().getPosition(), removed,
                        b, at, added, where);
                numbers.addAll(found);
                if (found.isEmpty()) explained = false;
            }
            if (!removed.isEmpty()) runs.add(new TokenRun(TokenOp.DELETE, WordTokenizer.join(removed), reason != null));
            if (!added.isEmpty()) runs.add(new TokenRun(TokenOp.INSERT, WordTokenizer.join(added), reason != null));
        }
        if (next < b.size()) runs.add(new TokenRun(TokenOp.EQUAL, WordTokenizer.join(b.subList(next, b.size())), false));
        if (deltas.isEmpty() && !from.equals(to)) reasons.add(MinorEdit.WHITESPACE);
        return new WordDiff(runs, changed, a.size() + b.size(), minor, reasons, numbers, explained && !minor);
    }

    /** Pairs the numbers of a replaced stretch in order: "at least 70" → "62" gives 70 → 62. */
    private static List<NumberChange> numbersChanged(List<Token> a, int fromAt, List<Token> removed,
                                                     List<Token> b, int toAt, List<Token> added, String where) {
        List<Integer> fromNumbers = new ArrayList<>();
        List<Integer> toNumbers = new ArrayList<>();
        for (int i = 0; i < removed.size(); i++) if (removed.get(i).isNumber()) fromNumbers.add(i);
        for (int i = 0; i < added.size(); i++) if (added.get(i).isNumber()) toNumbers.add(i);
        List<NumberChange> out = new ArrayList<>();
        int pairs = Math.min(fromNumbers.size(), toNumbers.size());
        for (int p = 0; p < pairs; p++) {
            Token f = removed.get(fromNumbers.get(p));
            Token t = added.get(toNumbers.get(p));
            if (f.numericValue().equals(t.numericValue())) continue;
            out.add(new NumberChange(f.text(), t.text(),
                    context(b, toAt + toNumbers.get(p)), context(a, fromAt + fromNumbers.get(p)), where));
        }
        return out;
    }

    private static String context(List<Token> tokens, int index) {
        int start = Math.max(0, index - CONTEXT_TOKENS);
        int end = Math.min(tokens.size(), index + CONTEXT_TOKENS + 1);
        return WordTokenizer.join(tokens.subList(start, end)).strip();
    }
}
