package org.warctrail.report;

import java.util.List;

/**
 * A figure, quotation or name a page of the chain says otherwise than its source, as the report words it:
 * "This page says “62 Syrian”; the source at news.example since says “64 Syrian”, corrected on …".
 *
 * @param who        the page that says {@code here}: "this page" or "the page at HOST"
 * @param source     the source: "the source at HOST" (its host after redirects)
 * @param kinds      the links that tie the page to the source (reuse, continuation, ...)
 * @param thereCopy  the source's capture that says {@code there} (its first), or null when not dated
 * @param corrected  whether the source said otherwise before that capture: {@code there} is a correction
 */
public record ReportedDiscrepancy(String from, String to, List<String> kinds, String kind, String who, String source,
                                  String here, String there, ArchivedCopy thereCopy, boolean corrected) {
    public ReportedDiscrepancy {
        kinds = List.copyOf(kinds);
    }

    /** The sentence in plain text: the report prints it with {@code here} and {@code there} highlighted. */
    public String sentence() {
        return whoCapitalised() + " says “" + here + "”; " + source + " " + verb() + " “" + there + "”" + tail();
    }

    /** {@link #who} with a capital, to start the sentence. */
    public String whoCapitalised() {
        return Character.toUpperCase(who.charAt(0)) + who.substring(1);
    }

    /** "since says" for a correction, else "says". */
    public String verb() {
        return corrected ? "since says" : "says";
    }

    /** What follows the source's words: when it was corrected, or the capture that says them. */
    public String tail() {
        if (thereCopy == null) return ".";
        return corrected ? ", corrected on " + thereCopy.captured() + "." : " (captured " + thereCopy.captured() + ").";
    }
}
