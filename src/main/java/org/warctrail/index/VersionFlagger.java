package org.warctrail.index;

import java.util.ServiceLoader;
import org.warctrail.extract.Document;

/**
 * Computes the change flags of a capture against the version before it. The versions stage implements it;
 * the index finds the implementation with {@link ServiceLoader} (the index cannot import a later stage), and
 * calls it as captures are indexed.
 */
public interface VersionFlagger {
    /**
     * @param previous         the latest earlier capture of the URL that did not fail (status below 500), or null
     * @param previousDocument its document (a revisit's: the response it stands for's), null when none or when
     *                         the payload digests are equal (no need to read it)
     * @param current          the capture to flag, with its row id
     * @param currentDocument  its document, null when none or when the digests are equal
     * @return the flags, or null to store none
     */
    VersionFlags flag(CaptureRow previous, Document previousDocument, CaptureRow current, Document currentDocument);

    /** Stores no flags. */
    VersionFlagger NONE = (previous, previousDocument, current, currentDocument) -> null;

    /** The implementation on the class path (the versions stage's), else {@link #NONE}. */
    static VersionFlagger installed() {
        return Installed.FLAGGER;
    }

    /** Looked up once. */
    final class Installed {
        private static final VersionFlagger FLAGGER =
                ServiceLoader.load(VersionFlagger.class, VersionFlagger.class.getClassLoader()).findFirst().orElse(NONE);

        private Installed() {
        }
    }
}
