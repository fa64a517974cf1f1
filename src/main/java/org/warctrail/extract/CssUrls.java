package org.warctrail.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The URLs a stylesheet loads: {@code url(...)} values and {@code @import} targets, as written (relative). */
final class CssUrls {
    private static final Pattern URL = Pattern.compile("(?i)url\\(\\s*(?:\"([^\"]*)\"|'([^']*)'|([^)\\s]*))\\s*\\)");
    private static final Pattern IMPORT = Pattern.compile("(?i)@import\\s+(?:\"([^\"]*)\"|'([^']*)')");
    private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);

    private CssUrls() {
    }

    static List<String> find(String css) {
        List<String> out = new ArrayList<>();
        String s = COMMENT.matcher(css).replaceAll(" ");
        for (Pattern p : List.of(URL, IMPORT)) {
            Matcher m = p.matcher(s);
            while (m.find()) {
                String v = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.groupCount() >= 3 ? m.group(3) : null;
                if (v != null && !v.isBlank() && !v.strip().toLowerCase(java.util.Locale.ROOT).startsWith("data:")) out.add(v.strip());
            }
        }
        return out;
    }
}
