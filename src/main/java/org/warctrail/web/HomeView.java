package org.warctrail.web;

import java.util.List;
import org.warctrail.index.StoreStats;

/**
 * The home page: one page of archived URLs, newest first, and the store's counts.
 *
 * @param allUrls      every URL listed, not only documents
 *
 * @param previousHref link to the newer page, or null on the first
 * @param nextHref     link to the older page, or null on the last
 */
public record HomeView(List<UrlEntry> urls, StoreStats stats, long urlCount, boolean allUrls, int page, int pages,
                       String previousHref, String nextHref) {
}
