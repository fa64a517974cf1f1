package org.warctrail.report;

/**
 * A passage the page shares with an earlier page, in the words of each.
 *
 * @param sourceCopy the earlier page's capture the passage was found in, or null when it is not known
 */
public record ReusedPassage(String sourceUrl, ArchivedCopy sourceCopy, String sourceText, String targetText,
                            int words) {
}
