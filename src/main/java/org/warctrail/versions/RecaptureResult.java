package org.warctrail.versions;

/**
 * What one recapture of a watched URL gave.
 *
 * @param url       the watched URL
 * @param timestamp 14-digit time of the new capture, or of the attempt when it failed
 * @param failed    the capture failed (timeout, DNS, refused, 5xx): not a version, retried later
 * @param error     why it failed, null otherwise
 * @param flags     how the new capture differs from the version before it, null when it failed
 */
public record RecaptureResult(String url, String timestamp, boolean failed, String error, ChangeFlags flags) {

    /** Whether a watch reports this: a change, substantive unless {@code allChanges}. */
    public boolean reportable(boolean allChanges) {
        return !failed && flags != null && flags.kind() != ChangeKind.FIRST && flags.changed()
                && (allChanges || flags.substantive());
    }

    /** The line a watch prints: "20240102120000 https://example.com/: headline changed". */
    public String line() {
        return timestamp + " " + url + ": " + (failed ? "capture failed (" + error + ")" : flags.summary());
    }
}
