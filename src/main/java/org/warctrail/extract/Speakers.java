package org.warctrail.extract;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a quotation is attributed to, read from the words right after it ("Thomas said", "said Col. John J.
 * Thomas", "according to Thomas", "a spokesman, Major-General Igor Konashenkov, said") or right before it
 * ("Thomas said:", "According to Thomas,"). Names are runs of capitalised words, titles included as written.
 */
final class Speakers {
    static final String VERBS = "said|says|say|told|tells|added|adds|wrote|writes|stated|states|explained|explains|"
            + "noted|notes|declared|claimed|claims|insisted|warned|warns|argued|argues|continued|stressed|emphasized|"
            + "emphasised|replied|asked|announced|tweeted|posted|recalled|admitted|acknowledged|concluded|commented|"
            + "remarked|observed|suggested|urged|confirmed|revealed|reported";
    private static final String NAME = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?:\\s+(?:(?:de|da|di|du|van|von|der|den|la|le|al|bin|ibn|el)\\s+)?\\p{Lu}[\\p{L}\\p{M}'’.\\-]*){0,5}";
    private static final Pattern NAME_RUN = Pattern.compile(NAME);
    private static final Pattern AFTER_ACCORDING = Pattern.compile("^[\\s,—–-]*according\\s+to\\s+(?:the\\s+)?(" + NAME + ")");
    private static final Pattern AFTER_VERB_NAME = Pattern.compile("^[\\s,—–-]*(?:" + VERBS + ")\\s+(?:the\\s+)?(" + NAME + ")");
    private static final Pattern AFTER_SUBJECT_VERB = Pattern.compile("^[\\s,—–-]*([^!?\"“”«»]{1,160}?)\\s+(?:" + VERBS + ")\\b");
    static final Pattern BEFORE_VERB = Pattern.compile("([^!?\"“”«»]{1,160}?)\\s+(?:" + VERBS + ")\\b[^.!?\"“”«»]{0,60}?[:,]\\s*$");
    static final Pattern BEFORE_ACCORDING = Pattern.compile("(?i:according\\s+to)\\s+(?:the\\s+)?(" + NAME + ")\\s*[:,]\\s*$");
    /** A description after a name: "the U.S. commander", "a spokesman for the army", "its chief executive". */
    private static final Pattern APPOSITIVE = Pattern.compile("^\\s*(?:the|a|an|its|his|her|their)\\s");
    private static final Pattern PRONOUN = Pattern.compile("(?i)^(he|she|they|the\\s+\\w+(\\s+\\w+)?)$");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "In", "But", "And", "He", "She", "It", "They",
            "We", "I", "This", "That", "However", "Meanwhile", "Then", "When", "While", "As", "If", "So", "Yet", "Also",
            "His", "Her", "Their", "Our", "You", "Later", "Earlier", "On", "At", "For", "After", "Before", "Asked");

    private Speakers() {
    }

    /**
     * The speaker of a quotation.
     *
     * @param before  the paragraph text before the opening mark
     * @param after   the paragraph text after the closing mark
     * @param quoteEndsSentence whether the quotation ends with '.', so what follows may be a new sentence
     * @param lastSpeaker the speaker named last in the text, for "he said"
     */
    static String find(String before, String after, boolean quoteEndsSentence, String lastSpeaker) {
        String a = after.substring(0, Sentences.sentenceEnd(after, 0));
        if (a.length() > 240) a = a.substring(0, 240);
        // after a quote that ends its sentence, only a short tag ("Thomas said in the briefing.") names the speaker
        if (quoteEndsSentence && a.strip().split("\\s+").length > 10) a = "";
        Matcher m = AFTER_ACCORDING.matcher(a);
        if (m.find()) return name(m.group(1));
        m = AFTER_VERB_NAME.matcher(a);
        if (m.find() && name(m.group(1)) != null) return name(m.group(1));
        m = AFTER_SUBJECT_VERB.matcher(a);
        if (m.find()) {
            String s = subject(m.group(1), lastSpeaker);
            if (s != null) return s;
        }
        String b = before.length() > 240 ? before.substring(before.length() - 240) : before;
        // both patterns end in "[:,]\\s*$", and BEFORE_VERB tries every start in the text: test the end first
        if (!endsWithColonOrComma(b)) return null;
        m = BEFORE_ACCORDING.matcher(b);
        if (mayHoldAccording(b) && m.find()) return name(m.group(1));
        m = BEFORE_VERB.matcher(b);
        if (mayEndWithVerb(b) && m.find()) {
            String clause = m.group(1);
            int start = Sentences.sentenceStart(clause, clause.length());
            return subject(clause.substring(start), lastSpeaker);
        }
        return null;
    }

    private static final String[] VERB_WORDS = VERBS.split("\\|");
    /** The most characters from the start of BEFORE_VERB's verb to the text's final ':' or ',' (the verb, 60, 1). */
    private static final int VERB_TO_END = java.util.Arrays.stream(VERB_WORDS).mapToInt(String::length).max().orElse(0) + 60 + 1;

    /**
     * Whether one of the verbs starts close enough to the end of the text for BEFORE_VERB to match: after its verb
     * come at most 60 characters, then the ':' or ',' and spacing. The expression is tried at every start in the
     * text (240 characters, each with a lazy run of up to 160), and most text before a quotation has no verb there:
     * this look at the last few dozen characters decides that first (it may say yes where the expression does not
     * match, never no where it does).
     */
    static boolean mayEndWithVerb(String text) {
        int end = text.length();
        while (end > 0 && isSpaceOrLineEnd(text.charAt(end - 1))) end--;
        int from = Math.max(0, end - VERB_TO_END);
        for (String verb : VERB_WORDS) {
            int at = text.indexOf(verb, from);
            if (at >= 0 && at < end) return true;
        }
        return false;
    }

    /** Whether the text holds "according" in any case: BEFORE_ACCORDING, tried at every start, needs it. */
    static boolean mayHoldAccording(String text) {
        for (int i = 0, last = text.length() - 9; i <= last; i++) {
            if (text.regionMatches(true, i, "according", 0, 9)) return true;
        }
        return false;
    }

    /**
     * Whether the text ends in ':' or ',' before trailing spacing and line terminators: what "[:,]\\s*$" needs to
     * match (it may match less often, never more often).
     */
    static boolean endsWithColonOrComma(String text) {
        int i = text.length() - 1;
        while (i >= 0 && isSpaceOrLineEnd(text.charAt(i))) i--;
        return i >= 0 && (text.charAt(i) == ':' || text.charAt(i) == ',');
    }

    /** Java's \\s, and the line terminators before which "$" also matches. */
    private static boolean isSpaceOrLineEnd(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r'
                || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    /**
     * The name in a subject phrase: the last comma-separated part that holds one ("X's spokesman, Gen. Y,"), passing
     * over a description set off after a name ("Robertson, the U.S. commander," is Robertson).
     */
    static String subject(String phrase, String lastSpeaker) {
        String p = phrase.strip().replaceAll("[,\\s]+$", "");
        if (PRONOUN.matcher(p).matches()) return p.matches("(?i)he|she|they") ? lastSpeaker : null;
        String[] parts = p.split(",");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (i > 0 && APPOSITIVE.matcher(parts[i]).lookingAt()) continue;
            Matcher m = NAME_RUN.matcher(parts[i]);
            String last = null;
            while (m.find()) {
                String n = name(m.group());
                if (n != null) last = n;
            }
            if (last != null) return last;
        }
        return null;
    }

    /** A cleaned name, or null for a lone sentence-opening word ("The", "However") or a possessive. */
    private static String name(String raw) {
        String n = raw.strip().replaceAll("[.,]+$", "");
        if (n.endsWith(".") && n.split("\\s+").length == 1) n = n.substring(0, n.length() - 1);
        String[] words = n.split("\\s+");
        int first = 0;
        while (first < words.length && NOT_NAMES.contains(words[first])) first++;
        if (first == words.length) return null;
        n = String.join(" ", java.util.Arrays.copyOfRange(words, first, words.length));
        if (n.endsWith("'s") || n.endsWith("’s")) return null;
        return n.length() < 2 ? null : n;
    }
}
