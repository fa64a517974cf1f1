package org.warctrail.index;

/**
 * Narrows a search.
 *
 * @param site  a host: only its pages and its subdomains' (null for all)
 * @param from  earliest capture time, a timestamp prefix or ISO date (null for no bound)
 * @param to    latest capture time, likewise
 * @param limit results per page
 */
public record SearchOptions(String site, String from, String to, int limit, int offset) {
    public static SearchOptions defaults() {
        return new SearchOptions(null, null, null, 20, 0);
    }
}
