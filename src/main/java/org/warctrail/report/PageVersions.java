package org.warctrail.report;

import java.util.List;

/**
 * The captures of one URL of the chain, oldest first, each with what changed since the version before it.
 *
 * @param omitted how many earlier captures the report leaves out (it lists the latest ones)
 */
public record PageVersions(String url, List<Entry> versions, int omitted) {
    public PageVersions {
        versions = List.copyOf(versions);
    }

    /**
     * One capture.
     *
     * @param kind    the change kind (first, identical, minor, substantive, status, redirect, failed), or null
     *                when not derived yet
     * @param summary the diff's one line ("1 number changed; 1 paragraph changed"), or null
     * @param details what changed in words, for a substantive change: "number: 62 Syrian → 64 Syrian", ...
     */
    public record Entry(ArchivedCopy copy, String kind, String summary, List<String> details) {
        public Entry {
            details = List.copyOf(details);
        }

        public boolean substantive() {
            return "substantive".equals(kind) || "status".equals(kind) || "redirect".equals(kind);
        }
    }
}
