package org.warctrail.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MessageHeaders;
import org.warctrail.extract.Document;

/**
 * A document's payload as the reading thread read it from its record, all that its extraction needs: extraction
 * is a pure function of these bytes, so it runs on any thread ({@link RecordExtractions}).
 *
 * @param url         the capture's URL
 * @param contentType the payload's Content-Type, with parameters; may be null
 * @param httpHeaders the HTTP response's headers (for its transfer and content encodings), or null for a resource
 * @param status      the HTTP status (0 for a resource)
 * @param bytes       the payload as stored, up to {@link CaptureRecords#MAX_EXTRACT_BYTES}
 * @param truncated   whether the payload was longer than that (then it is not extracted)
 */
record DocumentPayload(String url, String contentType, MessageHeaders httpHeaders, int status, byte[] bytes,
                       boolean truncated) {

    /** The document: the extractor's, or a failure saying why there is none. Errors other than these escape. */
    Document extract(DocumentExtractor extractor) {
        if (truncated) {
            return failed("payload larger than " + CaptureRecords.MAX_EXTRACT_BYTES + " bytes; not extracted");
        }
        byte[] decoded = bytes;
        if (httpHeaders != null) {
            try {
                decoded = decode();
            } catch (IOException | RuntimeException e) {
                decoded = bytes; // wrong chunking or encoding: the raw body, as other tools fall back
            }
        }
        try {
            return extractor.extract(url, contentType, decoded);
        } catch (Exception | StackOverflowError | NoClassDefFoundError e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return failed("extraction failed: " + message);
        }
    }

    /** A document that failed to extract: the capture stays searchable by URL, the error says why. */
    Document failed(String error) {
        return new Document(url, contentType, null, null, null, null, List.of(), null, null, null, null,
                List.of(), List.of(), error);
    }

    /** The body with transfer and content encodings removed, by jwarc's lenient decoder on a re-read message. */
    private byte[] decode() throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(" OK\r\n");
        for (Map.Entry<String, List<String>> h : httpHeaders.map().entrySet()) {
            for (String v : h.getValue()) head.append(h.getKey()).append(": ").append(v).append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
        InputStream in = new SequenceInputStream(new ByteArrayInputStream(headBytes), new ByteArrayInputStream(bytes));
        HttpResponse reparsed = HttpResponse.parse(Channels.newChannel(in));
        try (InputStream decoded = reparsed.bodyDecoded().stream()) {
            byte[] out = decoded.readNBytes(CaptureRecords.MAX_EXTRACT_BYTES + 1);
            if (out.length > CaptureRecords.MAX_EXTRACT_BYTES) throw new IOException("decoded payload too large");
            return out;
        }
    }
}
