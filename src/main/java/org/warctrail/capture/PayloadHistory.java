package org.warctrail.capture;

import java.util.Optional;

/**
 * The last archived capture of a URL, so that an unchanged payload is written as a revisit record.
 * Implemented by the index; the crawler also remembers what it wrote during its own run.
 */
public interface PayloadHistory {
    Optional<PriorCapture> lastCapture(String url);

    PayloadHistory NONE = url -> Optional.empty();
}
