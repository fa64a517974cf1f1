package org.warctrail.versions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.warctrail.extract.Document;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.RenderedDocuments;
import org.warctrail.index.StoredDocuments;
import org.warctrail.index.VersionFlags;
import org.warctrail.index.VersionFlagsTable;

/**
 * The versions of archived URLs: a URL's timeline with the flags stored at capture time, and the diff of two
 * captures read back from the index. What {@code diff}, {@code /api/diff} and {@code /api/captures} serve.
 */
public final class ArchivedVersions {
    private final CaptureIndex index;
    private final StoredDocuments documents;
    private final VersionFlagsTable flags;
    private final VersionDiffer differ = new VersionDiffer();

    public ArchivedVersions(CaptureIndex index) {
        this.index = index;
        this.documents = new StoredDocuments(index);
        this.flags = new VersionFlagsTable(index, new IndexVersionFlagger());
    }

    /** A capture as the differ sees it. */
    static Version version(CaptureRow row, Document document) {
        return new Version(row.url(), row.timestamp(), row.status(), row.redirect(), row.digest(), document,
                row.recordType());
    }

    /** Every capture of the URL, oldest first, each with its change flags (a lookup, not a diff per capture). */
    public List<ArchivedVersion> timeline(String url) {
        Map<Long, VersionFlags> byCapture = new HashMap<>();
        for (VersionFlags f : flags.flags(url)) byCapture.put(f.captureId(), f);
        List<ArchivedVersion> out = new ArrayList<>();
        for (CaptureRow row : index.captures(url)) {
            VersionFlags f = byCapture.get(row.id());
            ChangeFlags cf = f == null ? null : new ChangeFlags(row.url(), f.timestamp(), f.previousTimestamp(),
                    ChangeKind.parse(f.kind()), f.changed(), f.substantive(), f.score(), f.summary());
            out.add(new ArchivedVersion(row, cf));
        }
        return out;
    }

    /**
     * The diff between two captures of a URL. Timestamps (1 to 14 digits) pick the nearest capture; without
     * {@code to}, the latest capture that did not fail; without {@code from}, the latest one that did not fail
     * before {@code to}.
     *
     * @throws IllegalArgumentException when the URL is not archived or has a single version
     */
    public VersionDiff diff(String url, String from, String to) {
        List<CaptureRow> captures = index.captures(url);
        if (captures.isEmpty()) throw new IllegalArgumentException("not archived: " + url);
        CaptureRow newer = to != null ? pick(url, to) : latestGood(captures, null)
                .orElseThrow(() -> new IllegalArgumentException("no successful capture of " + url));
        CaptureRow older = from != null ? pick(url, from) : latestGood(captures, newer)
                .orElseThrow(() -> new IllegalArgumentException("only one version of " + url + " (captured "
                        + newer.timestamp() + "); nothing to compare"));
        return diff(older, newer);
    }

    /** The diff between two captures. */
    public VersionDiff diff(CaptureRow older, CaptureRow newer) {
        // browser captures compare by what they rendered
        older = RenderedDocuments.asVersion(index, older);
        newer = RenderedDocuments.asVersion(index, newer);
        boolean same = older.digest() != null && older.digest().equals(newer.digest());
        Document a = same ? null : documents.of(older).orElse(null);
        Document b = same ? null : documents.of(newer).orElse(null);
        return differ.diff(version(older, a), version(newer, b));
    }

    private CaptureRow pick(String url, String timestamp) {
        if (!timestamp.matches("\\d{1,14}")) {
            throw new IllegalArgumentException("a timestamp is 1 to 14 digits (yyyyMMddHHmmss), not: " + timestamp);
        }
        return index.closest(url, timestamp).orElseThrow(() -> new IllegalArgumentException("not archived: " + url));
    }

    /** The latest capture that did not fail, before {@code before} when given. */
    private static Optional<CaptureRow> latestGood(List<CaptureRow> captures, CaptureRow before) {
        for (int i = captures.size() - 1; i >= 0; i--) {
            CaptureRow row = captures.get(i);
            if (before != null && (row.id() == before.id() || row.timestamp().compareTo(before.timestamp()) > 0)) continue;
            if (before != null && row.timestamp().equals(before.timestamp()) && row.id() > before.id()) continue;
            if (!row.failed()) return Optional.of(row);
        }
        return Optional.empty();
    }
}
