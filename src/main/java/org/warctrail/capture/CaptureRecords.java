package org.warctrail.capture;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.WarcTruncationReason;

/**
 * Turns an {@link Exchange} into WARC 1.1 records with jwarc's builders: a request record and either a
 * response record (the bytes received, verbatim) or a revisit record (the response head only, pointing
 * at the earlier capture with the same payload digest). The pair is linked by WARC-Concurrent-To.
 */
final class CaptureRecords {
    private CaptureRecords() {
    }

    /** The response record's id, date and digest, to remember for later revisits. */
    record Written(List<WarcRecord> records, URI responseId, Instant date) {
    }

    static Written response(Exchange exchange) throws IOException {
        URI responseId = newId();
        Instant date = exchange.date().truncatedTo(ChronoUnit.MILLIS);
        WarcResponse.Builder response = new WarcResponse.Builder(exchange.url())
                .version(MessageVersion.WARC_1_1)
                .recordId(responseId)
                .date(date)
                .body(MediaType.HTTP_RESPONSE, exchange.response().open(), exchange.response().size())
                .blockDigest(exchange.blockDigest())
                .payloadDigest(exchange.payloadDigest());
        if (exchange.ipAddress() != null) {
            response.ipAddress(exchange.ipAddress());
        }
        if (exchange.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
            response.truncated(exchange.truncated());
        }
        return new Written(List.of(request(exchange, date, responseId), response.build()), responseId, date);
    }

    static Written revisit(Exchange exchange, PriorCapture prior) throws IOException {
        URI revisitId = newId();
        Instant date = exchange.date().truncatedTo(ChronoUnit.MILLIS);
        byte[] head = exchange.response().prefix(exchange.head().length());
        WarcRevisit.Builder revisit = new WarcRevisit.Builder(exchange.url(), WarcRevisit.IDENTICAL_PAYLOAD_DIGEST_1_1)
                .version(MessageVersion.WARC_1_1)
                .recordId(revisitId)
                .date(date)
                .body(MediaType.HTTP_RESPONSE, head)
                .blockDigest(digest(head))
                .payloadDigest(exchange.payloadDigest());
        if (exchange.ipAddress() != null) {
            revisit.ipAddress(exchange.ipAddress());
        }
        if (prior.recordId() != null && !prior.recordId().isBlank()) {
            revisit.refersTo(parseId(prior.recordId()), prior.url(), prior.date());
        } else {
            revisit.setHeader("WARC-Refers-To-Target-URI", prior.url());
            revisit.setHeader("WARC-Refers-To-Date", prior.date().toString());
        }
        return new Written(List.of(request(exchange, date, revisitId), revisit.build()), revisitId, date);
    }

    private static WarcRequest request(Exchange exchange, Instant date, URI concurrentTo) throws IOException {
        WarcRequest.Builder request = new WarcRequest.Builder(exchange.url())
                .version(MessageVersion.WARC_1_1)
                .date(date)
                .body(MediaType.HTTP_REQUEST, exchange.request())
                .blockDigest(digest(exchange.request()))
                .concurrentTo(concurrentTo);
        if (exchange.ipAddress() != null) {
            request.ipAddress(exchange.ipAddress());
        }
        return request.build();
    }

    static WarcDigest digest(byte[] bytes) {
        return new WarcDigest(sha1(bytes));
    }

    private static java.security.MessageDigest sha1(byte[] bytes) {
        java.security.MessageDigest md = SocketFetcher.sha1();
        md.update(bytes);
        return md;
    }

    private static URI newId() {
        return URI.create("urn:uuid:" + UUID.randomUUID());
    }

    /** Accepts a record id with or without its angle brackets. */
    private static URI parseId(String id) {
        String s = id.trim();
        if (s.startsWith("<") && s.endsWith(">")) {
            s = s.substring(1, s.length() - 1);
        }
        return URI.create(s);
    }
}
