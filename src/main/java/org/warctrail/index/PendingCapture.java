package org.warctrail.index;

/**
 * A capture whose derived data is still to compute.
 *
 * @param row      the capture, with its row id
 * @param document its document (text never null), or null when the capture has none (an image, a revisit)
 */
public record PendingCapture(CaptureRow row, CandidateDocument document) {
}
