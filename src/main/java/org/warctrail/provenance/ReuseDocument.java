package org.warctrail.provenance;

/**
 * A document as text-reuse detection sees it.
 *
 * @param id           the index's document id
 * @param published    ISO 8601 published date, or null
 * @param firstCapture 14-digit timestamp of the first capture with this text, or null
 */
public record ReuseDocument(long id, String url, String published, String firstCapture, String text) {
    /** The site the document belongs to: its host without "www.". */
    public String site() {
        return UrlKey.site(url);
    }
}
