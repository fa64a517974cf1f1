package org.warctrail.index;

/**
 * The stored change flags of one capture: how it differs from the version before it. The versions stage
 * computes them (as a {@link VersionFlagger}); the index stores them so a timeline is a lookup.
 *
 * @param captureId         the capture's row id
 * @param timestamp         the capture's 14-digit timestamp
 * @param previousTimestamp the version it was compared with, null for the first capture
 * @param kind              first, identical, article-unchanged, minor, substantive, status, redirect or failed
 * @param changed           whether a reader would call it changed
 * @param substantive       changed, and not only by punctuation, case, whitespace or typo fixes
 * @param score             share of words changed, 0..1
 * @param summary           one line: "headline changed; 1 number changed"
 */
public record VersionFlags(long captureId, String timestamp, String previousTimestamp, String kind,
                           boolean changed, boolean substantive, double score, String summary) {
}
