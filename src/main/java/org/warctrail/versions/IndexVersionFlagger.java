package org.warctrail.versions;

import org.warctrail.extract.Document;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.VersionFlagger;
import org.warctrail.index.VersionFlags;

/**
 * The index's {@link VersionFlagger}: the application's wiring hands it to the index's version-flags deriver, so
 * each capture is flagged with this stage's differ once it is indexed.
 */
public final class IndexVersionFlagger implements VersionFlagger {
    private final VersionDiffer differ = new VersionDiffer();

    @Override
    public VersionFlags flag(CaptureRow previous, Document previousDocument, CaptureRow current,
                             Document currentDocument) {
        Version now = ArchivedVersions.version(current, currentDocument);
        ChangeFlags flags = previous == null ? ChangeFlags.first(now)
                : differ.diff(ArchivedVersions.version(previous, previousDocument), now).flags();
        return new VersionFlags(current.id(), flags.timestamp(), flags.previousTimestamp(), flags.kind().label(),
                flags.changed(), flags.substantive(), flags.score(), flags.summary());
    }
}
