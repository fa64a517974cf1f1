package org.warctrail.index;

/**
 * A capture whose derived data could not be computed.
 *
 * @param reason   "deriver: message", one line
 * @param attempts how many times derivation was tried
 */
public record DerivationFailure(long captureId, String url, String timestamp, String reason, int attempts) {
}
