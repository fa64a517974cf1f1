package org.warctrail.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warctrail.index.CaptureRow;
import org.warctrail.versions.ChangeFlags;
import org.warctrail.versions.ChangeKind;
import org.warctrail.versions.Version;
import org.warctrail.versions.VersionDiffer;
import org.warctrail.versions.VersionSequence;

/**
 * What changed at each capture of a URL, for the timeline's markers and {@code /api/captures}: each capture
 * compared with the last good one before it. A capture with the payload digest of that one is identical without
 * reading it; others are read and diffed, so only the newest {@value #MAX_COMPARED} captures of a URL are
 * compared (until the index stores the flags at capture time, as the versions stage plans).
 */
public final class ChangeMarkers {
    private static final Logger log = LoggerFactory.getLogger(ChangeMarkers.class);
    public static final int MAX_COMPARED = 60;

    /** No markers: for a server without documents to compare. */
    public static final ChangeMarkers NONE = new ChangeMarkers(null);

    private final ArchivedVersions versions;
    private final VersionDiffer differ = new VersionDiffer();

    public ChangeMarkers(ArchivedVersions versions) {
        this.versions = versions;
    }

    /** Flags by capture timestamp, for the captures (oldest first) that could be compared; empty for NONE. */
    public Map<String, ChangeFlags> of(List<CaptureRow> captures) {
        Map<String, ChangeFlags> out = new LinkedHashMap<>();
        if (versions == null || captures.isEmpty()) return out;
        List<CaptureRow> rows = captures.subList(Math.max(0, captures.size() - MAX_COMPARED), captures.size());
        VersionSequence sequence = new VersionSequence(differ);
        for (CaptureRow row : rows) {
            Version baseline = sequence.baseline();
            if (baseline != null && row.digest() != null && row.digest().equals(baseline.digest())
                    && row.status() == baseline.status()) {
                out.put(row.timestamp(), new ChangeFlags(row.url(), row.timestamp(), baseline.timestamp(),
                        ChangeKind.IDENTICAL, false, false, 0.0, "no change: identical payload"));
                continue;
            }
            try {
                out.put(row.timestamp(), sequence.add(versions.read(row)));
            } catch (IOException | RuntimeException e) {
                log.warn("cannot compare {} at {} (offset {} of {}): {}", row.url(), row.timestamp(), row.offset(),
                        row.file(), e.getMessage());
            }
        }
        return out;
    }
}
