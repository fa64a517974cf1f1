package org.warctrail.capture;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * One HTTP request and the response to it, as they crossed the wire. Holds the response bytes in a
 * spool; close it once the records are written.
 *
 * @param url            the URL requested
 * @param date           when the request was sent
 * @param request        the exact bytes sent
 * @param response       the exact bytes received
 * @param ipAddress      the server's address when connected directly, null through a proxy
 * @param head           the parsed status line and headers
 * @param blockDigest    sha1 of the response bytes
 * @param payloadDigest  sha1 of the entity body (chunked framing removed, content coding kept)
 * @param payloadLength  length of that entity body
 * @param truncated      why the response was cut short, or NOT_TRUNCATED
 * @param payloadSample  the entity body (up to a limit) when it was kept for link extraction, else null
 */
record Exchange(URI url, Instant date, byte[] request, SpooledBytes response, InetAddress ipAddress,
                ResponseHead head, WarcDigest blockDigest, WarcDigest payloadDigest, long payloadLength,
                WarcTruncationReason truncated, byte[] payloadSample) implements Closeable {

    @Override
    public void close() throws IOException {
        response.close();
    }
}
