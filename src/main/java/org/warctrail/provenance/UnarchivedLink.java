package org.warctrail.provenance;

/**
 * A link near the quote in the origin whose target the store does not preserve: a possible earlier source.
 *
 * @param lastStatus  the HTTP status the target answered when it was last captured (404, 410, 5xx), or null when
 *                    it was never tried
 * @param lastAttempt the 14-digit timestamp of that capture, or null
 */
public record UnarchivedLink(String url, String text, Integer lastStatus, String lastAttempt) {
    /** A link never tried. */
    public UnarchivedLink(String url, String text) {
        this(url, text, null, null);
    }

    /** Whether the target was captured and answered with an error: tried, and not preserved. */
    public boolean dead() {
        return lastStatus != null;
    }
}
