package org.warctrail.provenance;

import java.util.List;
import org.warctrail.extract.Quote;

/**
 * A captured document that may contain a quote.
 *
 * @param timestamp 14-digit capture time
 * @param published ISO 8601, or null
 * @param quotes    the quotations the extractor found in the text, with speakers
 */
public record QuoteCandidate(String url, String timestamp, String published, String title, String text,
                             List<Quote> quotes) {
    public QuoteCandidate {
        quotes = quotes == null ? List.of() : List.copyOf(quotes);
    }
}
