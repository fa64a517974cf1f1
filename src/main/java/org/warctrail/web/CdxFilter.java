package org.warctrail.web;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.warctrail.index.CaptureRow;

/**
 * One {@code filter=} of the CDX server API, as pywb reads it: {@code [!]field:regex} (the regex matches from
 * the start of the value), {@code [!]~field:substring}, {@code [!]=field:exact}.
 */
public record CdxFilter(CdxField field, Kind kind, String operand, Pattern regex, boolean negated) {
    public enum Kind { REGEX, CONTAINS, EXACT }

    public static CdxFilter parse(String spec) {
        String s = spec;
        boolean negated = s.startsWith("!");
        if (negated) s = s.substring(1);
        Kind kind = Kind.REGEX;
        if (s.startsWith("~")) {
            kind = Kind.CONTAINS;
            s = s.substring(1);
        } else if (s.startsWith("=")) {
            kind = Kind.EXACT;
            s = s.substring(1);
        }
        int colon = s.indexOf(':');
        if (colon <= 0) throw new IllegalArgumentException("filter must be [!][~|=]field:value, not: " + spec);
        CdxField field = CdxField.parse(s.substring(0, colon));
        String operand = s.substring(colon + 1);
        Pattern regex = null;
        if (kind == Kind.REGEX) {
            try {
                regex = Pattern.compile(operand);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("filter regex does not compile: " + operand);
            }
        }
        return new CdxFilter(field, kind, operand, regex, negated);
    }

    public boolean test(CaptureRow row) {
        String value = field.value(row);
        boolean hit = switch (kind) {
            case REGEX -> regex.matcher(value).lookingAt();
            case CONTAINS -> value.contains(operand);
            case EXACT -> value.equals(operand);
        };
        return hit != negated;
    }
}
