package org.warctrail.web;

import io.javalin.http.Context;
import java.util.List;
import java.util.function.Supplier;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.DerivationStatus;
import org.warctrail.index.StoreStats;
import org.warctrail.index.VerificationsTable;

/**
 * {@code GET /}: the archived pages (documents), most recently captured first, {@value #PAGE_SIZE} a page, and
 * store counts with how far derived data (text reuse, version flags) has come; {@code ?all=1} lists every URL, the images, scripts and robots.txt a crawl fetched beside them.
 */
final class HomePage {
    static final int PAGE_SIZE = 50;

    private final CaptureLookup index;
    private final Pages pages;
    private final Supplier<DerivationStatus> derivationStatus;
    private Supplier<VerificationsTable.Summary> verificationSummary;

    /** @param derivationStatus how far derived data has come, or null when the server does not derive */
    public HomePage(CaptureLookup index, Pages pages, Supplier<DerivationStatus> derivationStatus) {
        this.index = index;
        this.pages = pages;
        this.derivationStatus = derivationStatus;
    }

    /** Where to read the last fixity checks ({@code verify}); null (the default) shows none. */
    HomePage verificationSummary(Supplier<VerificationsTable.Summary> summary) {
        this.verificationSummary = summary;
        return this;
    }

    public void handle(Context ctx) {
        boolean all = "1".equals(ctx.queryParam("all"));
        long count = index.urlCount(!all);
        int lastPage = (int) Math.max(1, (count + PAGE_SIZE - 1) / PAGE_SIZE);
        int page = Math.min(parsePage(ctx.queryParam("page")), lastPage);
        List<UrlEntry> urls = index.urls((page - 1) * PAGE_SIZE, PAGE_SIZE, !all).stream().map(UrlEntry::of).toList();
        StoreStats stats = index.stats();
        String base = all ? "/?all=1&page=" : "/?page=";
        DerivationStatus derived = derivationStatus == null ? null : derivationStatus.get();
        VerificationsTable.Summary verified = verificationSummary == null ? null : verificationSummary.get();
        pages.render(ctx, 200, "home", new HomeView(urls, stats, derived, verified, count, all, page, lastPage,
                page > 1 ? base + (page - 1) : null, page < lastPage ? base + (page + 1) : null));
    }

    private static int parsePage(String value) {
        if (value == null || !value.matches("\\d{1,9}")) return 1;
        return Math.max(1, Integer.parseInt(value));
    }
}
