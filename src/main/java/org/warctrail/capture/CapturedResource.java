package org.warctrail.capture;

/**
 * One response (or revisit) the crawler wrote.
 *
 * @param url       the URL fetched
 * @param timestamp 14-digit UTC capture time
 * @param status    HTTP status code
 * @param type      the media type of the Content-Type header without parameters, or null when absent
 * @param bytes     bytes received from the server (status line, headers and body as transferred)
 * @param revisit   whether the payload was unchanged and written as a revisit record
 * @param depth     link hops from the seed
 * @param via       the URL this one was found on (or redirected from), null for a seed
 */
public record CapturedResource(String url, String timestamp, int status, String type, long bytes,
                               boolean revisit, int depth, String via) {
}
