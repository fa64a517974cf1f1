package org.warctrail.versions;

/**
 * What is stored per capture at capture time, so a timeline of 1,000 versions is a lookup and not 1,000 diffs.
 *
 * @param timestamp         the capture this describes
 * @param previousTimestamp the version it was compared with, null for the first capture
 * @param score             share of words changed, 0..1
 * @param summary           the diff's one-line summary
 */
public record ChangeFlags(String url, String timestamp, String previousTimestamp, ChangeKind kind,
                          boolean changed, boolean substantive, double score, String summary) {

    /** The flags of the first capture of a URL (or of a failed capture with no good one before it). */
    public static ChangeFlags first(Version v) {
        if (v.failed()) {
            return new ChangeFlags(v.url(), v.timestamp(), null, ChangeKind.FAILED, false, false, 0.0,
                    "capture failed (" + v.failure() + ")");
        }
        String summary = v.answersOk() ? "first capture"
                : v.redirects() && v.redirect() != null ? "first capture: redirects to " + v.redirect()
                : "first capture: answers " + v.status();
        return new ChangeFlags(v.url(), v.timestamp(), null, ChangeKind.FIRST, true, true, 1.0, summary);
    }
}
