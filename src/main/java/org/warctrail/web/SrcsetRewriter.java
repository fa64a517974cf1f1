package org.warctrail.web;

/**
 * Rewrites the URLs of a {@code srcset} attribute, splitting candidates as the HTML standard does (a URL runs
 * to the next whitespace, so commas inside it, as in data: URLs, do not split it).
 */
final class SrcsetRewriter {
    private SrcsetRewriter() {
    }

    public static String rewrite(String srcset, ArchiveUrls urls) {
        StringBuilder out = new StringBuilder(srcset.length() + 64);
        int i = 0;
        int n = srcset.length();
        while (i < n) {
            while (i < n && (Character.isWhitespace(srcset.charAt(i)) || srcset.charAt(i) == ',')) i++;
            if (i >= n) break;
            int start = i;
            while (i < n && !Character.isWhitespace(srcset.charAt(i))) i++;
            String url = srcset.substring(start, i);
            boolean endsCandidate = url.endsWith(",");
            while (url.endsWith(",")) url = url.substring(0, url.length() - 1);
            String descriptor = "";
            if (!endsCandidate) {
                int dStart = i;
                int depth = 0;
                while (i < n) {
                    char c = srcset.charAt(i);
                    if (c == '(') depth++;
                    else if (c == ')') depth = Math.max(0, depth - 1);
                    else if (c == ',' && depth == 0) break;
                    i++;
                }
                descriptor = srcset.substring(dStart, i).trim();
            }
            if (out.length() > 0) out.append(", ");
            out.append(urls.rewrite(url));
            if (!descriptor.isEmpty()) out.append(' ').append(descriptor);
        }
        return out.toString();
    }
}
