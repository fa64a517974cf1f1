package org.warctrail.versions;

/**
 * The captures of one URL fed in time order, each flagged against the last version that did not fail: what
 * the index stores per capture, and how a reindex recomputes the flags of a URL in one pass (one diff per
 * capture, holding one previous version in memory).
 */
public final class VersionSequence {
    private final VersionDiffer differ;
    private Version baseline;

    public VersionSequence(VersionDiffer differ) {
        this.differ = differ;
    }

    /** Continues a sequence whose last good version is {@code baseline} (null when none). */
    public VersionSequence(VersionDiffer differ, Version baseline) {
        this(differ);
        this.baseline = baseline;
    }

    /** The flags of the next capture. */
    public ChangeFlags add(Version v) {
        if (baseline == null) {
            if (!v.failed()) baseline = v;
            return ChangeFlags.first(v);
        }
        ChangeFlags flags = differ.diff(baseline, v).flags();
        if (!v.failed()) baseline = v;
        return flags;
    }

    /** The version the next capture will be compared with. */
    public Version baseline() {
        return baseline;
    }
}
