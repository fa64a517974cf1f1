package org.warctrail.provenance;

/**
 * A capture containing the traced quote.
 *
 * @param timestamp 14-digit capture time
 * @param published ISO 8601, or null
 * @param score     1.0 for the exact words, less for small edits
 * @param speaker   who the page says spoke the words, or null
 */
public record TraceMatch(String url, String timestamp, String published, String title, double score,
                         String context, String speaker) {
}
