package org.warctrail.capture;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks an RFC 3161 time-stamping authority for a timestamp: the DER request POSTed as
 * {@code application/timestamp-query}, the DER reply ({@code application/timestamp-reply}) returned unread. A reply
 * is small; one larger than {@value #MAX_REPLY} bytes is refused.
 */
public final class TimestampClient {
    static final int MAX_REPLY = 1 << 20;

    private final URI authority;
    private final Duration timeout;
    private final HttpClient client;

    public TimestampClient(URI authority, Duration timeout) {
        String scheme = authority.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            throw new IllegalArgumentException("a time-stamping authority is an http(s) URL: " + authority);
        }
        this.authority = authority;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The authority's DER reply to the DER {@code query}. */
    public byte[] reply(byte[] query) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(authority).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking " + authority + " for a timestamp", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new IOException("the time-stamping authority " + authority + " answered HTTP "
                        + response.statusCode());
            }
            byte[] reply = body.readNBytes(MAX_REPLY + 1);
            if (reply.length > MAX_REPLY) {
                throw new IOException("the time-stamping authority " + authority + " sent more than " + MAX_REPLY
                        + " bytes");
            }
            return reply;
        }
    }
}
