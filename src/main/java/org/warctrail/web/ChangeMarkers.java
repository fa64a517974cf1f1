package org.warctrail.web;

import java.io.IOException;
import java.util.Collections;
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

/**
 * What changed at each capture of a URL, for the timeline's markers and {@code /api/captures}: each capture
 * compared with the last one before it that did not fail (as {@code VersionSequence} does). A capture with that
 * one's payload digest is identical without reading it; others are read and diffed, and the result is kept (a
 * capture compared with a given earlier one always gives the same flags), so a timeline is diffed once. Only the
 * newest {@value #MAX_COMPARED} captures of a URL are compared, until the index stores the flags at capture time.
 */
public final class ChangeMarkers {
    private static final Logger log = LoggerFactory.getLogger(ChangeMarkers.class);
    public static final int MAX_COMPARED = 60;
    static final int CACHE_ENTRIES = 20_000;

    /** No markers: for a server without documents to compare. */
    public static final ChangeMarkers NONE = new ChangeMarkers(null);

    private final ArchivedVersions versions;
    private final VersionDiffer differ = new VersionDiffer();
    private final Map<String, ChangeFlags> known = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, ChangeFlags> eldest) {
                    return size() > CACHE_ENTRIES;
                }
            });

    public ChangeMarkers(ArchivedVersions versions) {
        this.versions = versions;
    }

    /** Flags by capture timestamp, for the captures (oldest first) that could be compared; empty for NONE. */
    public Map<String, ChangeFlags> of(List<CaptureRow> captures) {
        Map<String, ChangeFlags> out = new LinkedHashMap<>();
        if (versions == null || captures.isEmpty()) return out;
        List<CaptureRow> rows = captures.subList(Math.max(0, captures.size() - MAX_COMPARED), captures.size());
        CaptureRow baseline = null;
        Version baselineVersion = null;
        for (CaptureRow row : rows) {
            ChangeFlags flags;
            if (baseline == null) {
                flags = row.status() >= 500
                        ? new ChangeFlags(row.url(), row.timestamp(), null, ChangeKind.FAILED, false, false, 0.0,
                                "capture failed (answers " + row.status() + ")")
                        : new ChangeFlags(row.url(), row.timestamp(), null, ChangeKind.FIRST, true, true, 1.0,
                                row.status() == 0 || (row.status() >= 200 && row.status() < 300) ? "first capture"
                                        : "first capture: answers " + row.status());
            } else if (row.digest() != null && row.digest().equals(baseline.digest()) && row.status() == baseline.status()) {
                flags = new ChangeFlags(row.url(), row.timestamp(), baseline.timestamp(), ChangeKind.IDENTICAL, false,
                        false, 0.0, "no change: identical payload");
            } else {
                String key = row.surt() + ' ' + baseline.timestamp() + ' ' + baseline.digest() + ' ' + row.timestamp()
                        + ' ' + row.digest();
                flags = known.get(key);
                if (flags == null) {
                    try {
                        if (baselineVersion == null) baselineVersion = versions.read(baseline);
                        Version v = versions.read(row);
                        flags = differ.diff(baselineVersion, v).flags();
                        known.put(key, flags);
                        if (!v.failed()) {
                            out.put(row.timestamp(), flags);
                            baseline = row;
                            baselineVersion = v;
                            continue;
                        }
                    } catch (IOException | RuntimeException e) {
                        log.warn("cannot compare {} at {} (offset {} of {}): {}", row.url(), row.timestamp(),
                                row.offset(), row.file(), e.getMessage());
                        continue;
                    }
                }
            }
            out.put(row.timestamp(), flags);
            if (row.status() < 500 && (baseline == null || flags.kind() != ChangeKind.IDENTICAL)) {
                baseline = row;
                baselineVersion = null; // read again only if a later capture needs comparing with it
            }
        }
        return out;
    }
}
