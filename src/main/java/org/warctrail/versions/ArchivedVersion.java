package org.warctrail.versions;

import org.warctrail.index.CaptureRow;

/** A capture of a URL on its timeline, with how it differs from the version before it. */
public record ArchivedVersion(CaptureRow capture, ChangeFlags flags) {
}
