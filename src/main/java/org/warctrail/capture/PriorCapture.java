package org.warctrail.capture;

import java.time.Instant;

/** A response already in the archive: what a revisit record refers to. */
public record PriorCapture(String url, Instant date, String payloadDigest, String recordId) {
}
