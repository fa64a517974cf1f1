package org.warctrail.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.warctrail.index.CaptureRow;
import org.warctrail.versions.ArchivedVersion;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.versions.ChangeFlags;

/**
 * What changed at each capture of a URL, for the timeline's markers and {@code /api/captures}: the change flags
 * the index stored when each capture was indexed (a lookup, not a diff per capture).
 */
final class ChangeMarkers {
    /** No markers: for a server over a bare capture index. */
    public static final ChangeMarkers NONE = new ChangeMarkers(null);

    private final ArchivedVersions versions;

    public ChangeMarkers(ArchivedVersions versions) {
        this.versions = versions;
    }

    /** Flags by capture timestamp, for the URL of these captures (those the index has flags for). */
    public Map<String, ChangeFlags> of(List<CaptureRow> captures) {
        Map<String, ChangeFlags> out = new LinkedHashMap<>();
        if (versions == null || captures.isEmpty()) return out;
        for (ArchivedVersion v : versions.timeline(captures.get(0).url())) {
            if (v.flags() != null) out.putIfAbsent(v.capture().timestamp(), v.flags());
        }
        return out;
    }
}
