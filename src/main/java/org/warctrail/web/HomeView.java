package org.warctrail.web;

import java.util.List;
import java.util.Locale;
import org.warctrail.index.DerivationStatus;
import org.warctrail.index.StoreStats;
import org.warctrail.index.VerificationsTable;

/**
 * The home page: one page of archived URLs, newest first, the store's counts, and how far derived data has come.
 *
 * @param derived      captures derived, pending and failed; null when the server does not derive
 * @param verified     the last fixity checks ({@code verify}) over the store's files; null when none ran
 * @param allUrls      every URL listed, not only documents
 * @param previousHref link to the newer page, or null on the first
 * @param nextHref     link to the older page, or null on the last
 */
public record HomeView(List<UrlEntry> urls, StoreStats stats, DerivationStatus derived,
                       VerificationsTable.Summary verified, long urlCount,
                       boolean allUrls, int page, int pages, String previousHref, String nextHref) {
    /** A count as people read it: {@code 1,234}. */
    public static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    /** The day of an ISO instant ({@code 2026-12-02}), as the verification line shows it. */
    public static String day(String instant) {
        return instant == null || instant.length() < 10 ? "" : instant.substring(0, 10);
    }

    /** Whether some derived data is still being computed or could not be: the page points to {@code status}. */
    public boolean derivationOpen() {
        return derived != null && (derived.pending() > 0 || derived.failed() > 0);
    }
}
