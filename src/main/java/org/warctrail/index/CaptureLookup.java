package org.warctrail.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Read access to the capture index: what replay, Memento, the CDX API and the UI need. Captures here are the
 * records a user can replay (response, revisit, resource), never requests, warcinfo or metadata.
 */
public interface CaptureLookup {
    /** Every capture of the URL (SURT match), oldest first. */
    List<CaptureRow> captures(String url);

    /** The capture of the URL nearest in time to a 14-digit timestamp; ties go to the earlier one. */
    Optional<CaptureRow> closest(String url, String timestamp);

    /**
     * The response a revisit record stands for (its WARC-Refers-To-Target-URI and -Date, else the latest
     * earlier response of the same URL with the same payload digest); the row itself when not a revisit.
     */
    Optional<CaptureRow> resolveRevisit(CaptureRow row);

    /** Archived URLs, most recently captured first. */
    default List<UrlSummary> urls(int offset, int limit) {
        return urls(offset, limit, false);
    }

    /**
     * Archived URLs, most recently captured first; with {@code documentsOnly}, only the pages people archive:
     * URLs with a successful capture of a document (HTML, PDF, office file), not the images, scripts, styles and
     * robots.txt a crawl fetches beside them, nor URLs that only ever failed.
     */
    List<UrlSummary> urls(int offset, int limit, boolean documentsOnly);

    default long urlCount() {
        return urlCount(false);
    }

    long urlCount(boolean documentsOnly);

    /** Rows matching the query, in order, streamed to the consumer (constant memory for any store size). */
    void cdx(CdxQuery query, Consumer<CaptureRow> out);

    StoreStats stats();
}
