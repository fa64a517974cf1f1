package org.warctrail.index;

import java.util.List;
import org.warctrail.extract.Quote;

/**
 * An indexed document as provenance reads it: for reuse detection and quote tracing.
 *
 * @param timestamp 14-digit capture time
 * @param published ISO 8601, or null
 * @param text      the main text, empty (never null) when the document has none
 * @param quotes    the document's quotations (only filled for quote candidates)
 */
public record CandidateDocument(long id, String url, String timestamp, String published, String title,
                                String siteName, String text, List<Quote> quotes) {
    public CandidateDocument {
        text = text == null ? "" : text;
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }
}
