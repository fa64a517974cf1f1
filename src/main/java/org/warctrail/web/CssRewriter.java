package org.warctrail.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites {@code url(...)} and {@code @import "..."} in CSS text (stylesheets, style elements and attributes). */
final class CssRewriter {
    private static final Pattern URL = Pattern.compile(
            "url\\(\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([^\"')\\s][^)\\s]*)?)\\s*\\)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern IMPORT = Pattern.compile(
            "@import\\s+(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)')", Pattern.CASE_INSENSITIVE);
    /** Output is UTF-8 whatever the source said; the declared charset must not contradict it. */
    private static final Pattern CHARSET_RULE = Pattern.compile("^\\s*@charset\\s+[\"'][^\"']*[\"']\\s*;",
            Pattern.CASE_INSENSITIVE);

    private CssRewriter() {
    }

    public static String rewrite(String css, ArchiveUrls urls) {
        String out = replace(URL, css, urls, "url(\"", "\")");
        out = replace(IMPORT, out, urls, "@import \"", "\"");
        return CHARSET_RULE.matcher(out).replaceFirst("");
    }

    private static String replace(Pattern pattern, String css, ArchiveUrls urls, String open, String close) {
        Matcher m = pattern.matcher(css);
        StringBuilder sb = new StringBuilder(css.length() + 64);
        while (m.find()) {
            String ref = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (ref == null) {
                m.appendReplacement(sb, Matcher.quoteReplacement(m.group()));
                continue;
            }
            String rewritten = urls.rewrite(ref.replace("\\", ""));
            String quoted = rewritten.replace("\"", "%22").replace("\n", "").replace("\r", "");
            m.appendReplacement(sb, Matcher.quoteReplacement(open + quoted + close));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
