package org.warctrail.extract;

import java.util.ArrayList;
import java.util.List;

/**
 * A fixed set of literal fragments (ASCII, lower case) looked for anywhere in a text: what {@code find()} of a
 * regular expression that alternates them answers, in one scan that tries only the fragments starting with the
 * character at hand. For class and id names, which are judged for every element of every page.
 */
final class Fragments {
    /** The fragments by their first character. */
    private final String[][] byFirst = new String[128][];

    Fragments(String... fragments) {
        List<List<String>> lists = new ArrayList<>();
        for (int c = 0; c < 128; c++) lists.add(new ArrayList<>());
        for (String f : fragments) {
            if (f.isEmpty() || f.charAt(0) >= 128) throw new IllegalArgumentException("not an ASCII fragment: '" + f + "'");
            lists.get(f.charAt(0)).add(f);
        }
        for (int c = 0; c < 128; c++) if (!lists.get(c).isEmpty()) byFirst[c] = lists.get(c).toArray(new String[0]);
    }

    /** Fragments written as a regular expression's alternation of literals ("a|b|c"). */
    static Fragments alternation(String alternatives) {
        return new Fragments(alternatives.split("\\|"));
    }

    boolean foundIn(String text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            String[] candidates = c < 128 ? byFirst[c] : null;
            if (candidates == null) continue;
            for (String f : candidates) if (text.startsWith(f, i)) return true;
        }
        return false;
    }
}
