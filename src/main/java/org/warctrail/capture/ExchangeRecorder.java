package org.warctrail.capture;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Writes an exchange to the sink, deduplicating: a complete 2xx response whose payload digest equals
 * that of the last capture of the same URL (in this run, else in the archive) becomes a revisit record.
 */
final class ExchangeRecorder {
    private final RecordSink sink;
    private final PayloadHistory history;
    private final Map<String, PriorCapture> writtenThisRun = new HashMap<>();

    ExchangeRecorder(RecordSink sink, PayloadHistory history) {
        this.sink = sink;
        this.history = history;
    }

    /** Writes the request and its response or revisit; returns whether it was a revisit. */
    boolean write(Exchange exchange) throws IOException {
        String url = exchange.url().toString();
        String digest = exchange.payloadDigest().prefixedBase32();
        int status = exchange.head().status();
        boolean complete = exchange.truncated() == org.netpreserve.jwarc.WarcTruncationReason.NOT_TRUNCATED;
        if (complete && status >= 200 && status < 300) {
            Optional<PriorCapture> prior = Optional.ofNullable(writtenThisRun.get(url));
            if (prior.isEmpty()) {
                prior = history.lastCapture(url);
            }
            if (prior.isPresent() && sameDigest(prior.get().payloadDigest(), digest)) {
                sink.write(CaptureRecords.revisit(exchange, prior.get()).records());
                return true;
            }
        }
        CaptureRecords.Written written = CaptureRecords.response(exchange);
        sink.write(written.records());
        if (complete) {
            writtenThisRun.put(url, new PriorCapture(url, written.date(), digest, "<" + written.responseId() + ">"));
        }
        return false;
    }

    /** Digests compare equal whatever the case of their base32 text and with or without "sha1:". */
    private static boolean sameDigest(String a, String b) {
        if (a == null) {
            return false;
        }
        String x = a.startsWith("sha1:") || a.startsWith("SHA1:") ? a.substring(5) : a;
        String y = b.substring(5);
        return x.equalsIgnoreCase(y);
    }
}
