package org.warctrail.report;

import java.util.ArrayList;
import java.util.List;
import org.warctrail.index.CaptureRow;
import org.warctrail.versions.ArchivedVersion;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.versions.ChangeFlags;
import org.warctrail.versions.FieldChange;
import org.warctrail.versions.NumberChange;
import org.warctrail.versions.QuotedText;
import org.warctrail.versions.VersionDiff;

/**
 * The versions section: each URL's captures with the change flags stored for them, and for a substantive change
 * what changed in words (figures, headline and byline, quotations), read from the diff with the version before.
 */
final class VersionHistory {
    static final int MAX_VERSIONS = 20;
    static final int MAX_DETAILS = 12;

    private final ArchivedVersions versions;
    private final Citations citations;

    VersionHistory(ArchivedVersions versions, Citations citations) {
        this.versions = versions;
        this.citations = citations;
    }

    PageVersions of(String url) {
        List<ArchivedVersion> timeline = versions.timeline(url);
        int omitted = Math.max(0, timeline.size() - MAX_VERSIONS);
        List<PageVersions.Entry> entries = new ArrayList<>();
        for (int i = omitted; i < timeline.size(); i++) {
            ArchivedVersion v = timeline.get(i);
            ChangeFlags flags = v.flags();
            List<String> details = List.of();
            if (flags != null && flags.kind().substantive() && flags.previousTimestamp() != null) {
                CaptureRow previous = previous(timeline, i, flags.previousTimestamp());
                if (previous != null) details = details(versions.diff(previous, v.capture()));
            }
            entries.add(new PageVersions.Entry(citations.cite(v.capture()),
                    flags == null ? null : flags.kind().label(), flags == null ? null : flags.summary(), details));
        }
        return new PageVersions(url, entries, omitted);
    }

    /** The capture a version was compared with: the latest before it with that timestamp. */
    private static CaptureRow previous(List<ArchivedVersion> timeline, int i, String timestamp) {
        for (int j = i - 1; j >= 0; j--) {
            CaptureRow row = timeline.get(j).capture();
            if (row.timestamp().equals(timestamp)) return row;
        }
        return null;
    }

    static List<String> details(VersionDiff diff) {
        List<String> out = new ArrayList<>();
        for (FieldChange f : diff.fields()) {
            if (!f.minor()) out.add(f.name() + ": " + quoted(f.from()) + " → " + quoted(f.to()));
        }
        for (NumberChange n : diff.numbers()) {
            out.add("number" + ("title".equals(n.where()) ? " in the headline" : "") + ": " + n.from() + " → " + n.to()
                    + (n.context() != null && !n.context().isBlank() ? " (“…" + n.context().strip() + "…”)" : ""));
        }
        for (QuotedText q : diff.quotesAdded()) out.add("quote added: “" + q.text() + "”");
        for (QuotedText q : diff.quotesRemoved()) out.add("quote removed: “" + q.text() + "”");
        return out.size() <= MAX_DETAILS ? out : out.subList(0, MAX_DETAILS);
    }

    private static String quoted(String value) {
        return value == null || value.isBlank() ? "none" : "“" + value + "”";
    }
}
