package org.warctrail.index;

import org.warctrail.extract.Document;

/**
 * Computes the change flags of a capture against the version before it. The versions stage implements it; the
 * application's wiring hands it to {@link VersionFlagsTable#deriver} (the index cannot import a later stage).
 */
@FunctionalInterface
public interface VersionFlagger {
    /**
     * @param previous         the latest earlier capture of the URL that did not fail, or null
     * @param previousDocument its document (a revisit's: the response it stands for's), null when none or when
     *                         the payload digests are equal (no need to read it)
     * @param current          the capture to flag, with its row id
     * @param currentDocument  its document, null when none or when the digests are equal
     * @return the flags, or null to store none
     */
    VersionFlags flag(CaptureRow previous, Document previousDocument, CaptureRow current, Document currentDocument);
}
