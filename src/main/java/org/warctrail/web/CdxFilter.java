package org.warctrail.web;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.CdxLines;

/**
 * One {@code filter=} of the CDX server API as pywb 2.x reads it: {@code [!]field:text} (the value contains the
 * text), {@code [!]=field:text} (equals it), {@code [!]~field:regex} (the regex matches from the start of the
 * value); without {@code field:} the filter applies to the whole CDXJ line. Regexes come from anyone who can reach
 * the server, so they run on RE2/J: matching takes time linear in the value whatever the pattern
 * ({@code ((.*)*)*X} cannot backtrack forever); RE2 has no backreferences or lookaround, which are refused.
 *
 * @param field null for the whole line
 */
record CdxFilter(CdxField field, Kind kind, String operand, Pattern regex, boolean negated) {
    public enum Kind { CONTAINS, EXACT, REGEX }

    public static CdxFilter parse(String spec) {
        String s = spec;
        boolean negated = s.startsWith("!");
        if (negated) s = s.substring(1);
        Kind kind = Kind.CONTAINS;
        if (s.startsWith("=")) {
            kind = Kind.EXACT;
            s = s.substring(1);
        } else if (s.startsWith("~")) {
            kind = Kind.REGEX;
            s = s.substring(1);
        }
        int colon = s.indexOf(':');
        CdxField field = null;
        String operand = s;
        if (colon >= 0) {
            field = CdxField.parse(s.substring(0, colon));
            operand = s.substring(colon + 1);
        }
        Pattern regex = null;
        if (kind == Kind.REGEX) {
            try {
                regex = Pattern.compile(operand);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("filter regex does not compile (RE2 syntax: no backreferences "
                        + "or lookaround): " + operand);
            }
        }
        return new CdxFilter(field, kind, operand, regex, negated);
    }

    public boolean test(CaptureRow row) {
        String value = field == null ? CdxLines.cdxj(row) : field.value(row);
        boolean hit = switch (kind) {
            case CONTAINS -> value.contains(operand);
            case EXACT -> value.equals(operand);
            case REGEX -> regex.matcher(value).lookingAt();
        };
        return hit != negated;
    }
}
