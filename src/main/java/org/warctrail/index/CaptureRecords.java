package org.warctrail.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.netpreserve.jwarc.HttpRequest;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;

/**
 * Makes the index row of one WARC or ARC record, the way pywb's cdxj-indexer fills a CDXJ line: MIME without
 * parameters, status of the HTTP response, payload digest without "sha1:" (computed when the record has none),
 * redirect Location resolved against the URL, revisit refers-to fields; and keeps a document's payload, read in
 * the same pass, for extraction on another thread ({@link DocumentPayload}). Not thread-safe (it reads through
 * one buffer): one instance per indexing pass.
 */
final class CaptureRecords {
    /** Largest payload handed to the extractor, raw and decoded (guards against zip bombs). */
    static final int MAX_EXTRACT_BYTES = 32 << 20;

    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final boolean extracting;

    /** @param extracting whether documents' payloads are kept for extraction (else only digested when needed) */
    CaptureRecords(boolean extracting) {
        this.extracting = extracting;
    }

    /**
     * A record as read: its row (length not yet known) and, for a document to extract, its payload (else null).
     */
    record Read(CaptureRow row, DocumentPayload payload) {
    }

    /** The capture a record makes (length not yet known), or null for records that are not captures. */
    Read describe(WarcRecord record, String file, long offset) throws IOException {
        boolean arc = record.version().getProtocol().equals("ARC");
        if (!(record instanceof WarcResponse || record instanceof WarcResource || record instanceof WarcRevisit)) {
            return null;
        }
        MediaType blockType = record.contentType();
        if (record instanceof WarcResource && blockType.base().equals(MediaType.WARC_FIELDS)) return null;
        String rawTarget = record.headers().first("WARC-Target-URI").orElse(null);
        if (rawTarget == null || rawTarget.isBlank()) {
            throw new IOException("the " + record.type() + " record has no WARC-Target-URI");
        }
        String url = SurtKey.cleanUrl(rawTarget);
        String date = record.headers().first("WARC-Date").orElse(null);
        if (date == null || date.isBlank()) throw new IOException("the " + record.type() + " record has no WARC-Date");
        String timestamp;
        try {
            timestamp = SurtKey.timestamp(record.date());
        } catch (RuntimeException e) {
            throw new IOException("the " + record.type() + " record's WARC-Date is not a date: " + date);
        }

        HttpResponse http = null;
        if (record instanceof WarcResponse response) {
            http = httpOf(() -> response.http());
        } else if (record instanceof WarcRevisit revisit && blockType.base().equals(MediaType.HTTP)) {
            http = httpOf(() -> revisit.http());
        }
        int status = http == null ? 0 : http.status();
        String contentType = http != null ? http.headers().first("Content-Type").orElse(null)
                : record instanceof WarcResource ? record.headers().first("Content-Type").orElse(null) : null;
        String mime = mimeOf(contentType);
        String digest = record.headers().first("WARC-Payload-Digest").map(CaptureRecords::cdxDigest).orElse(null);
        String redirect = null;
        if (http != null && status >= 300 && status < 400) {
            redirect = http.headers().first("Location").map(l -> resolve(url, l)).orElse(null);
        }
        String refersToUrl = null;
        String refersToTimestamp = null;
        if (record instanceof WarcRevisit revisit) {
            refersToUrl = revisit.refersToTargetURI().map(URI::toString).map(SurtKey::cleanUrl).orElse(null);
            refersToTimestamp = revisit.refersToDate().map(SurtKey::timestamp).orElse(null);
        }
        String recordId = arc ? null : record.id().toString();

        DocumentPayload document = null;
        if (!(record instanceof WarcRevisit)) {
            MessageBody rawBody = http != null ? http.body() : record.body();
            boolean extract = extracting && isDocument(mime) && (http == null || (status >= 200 && status < 300));
            if (extract) {
                Payload payload = read(rawBody, digest == null);
                if (digest == null) digest = payload.digest();
                // a page's rendered DOM is extracted as the document of the page, not of its urn: record
                String documentUrl = RenderedDocuments.pageOf(url) != null ? RenderedDocuments.pageOf(url) : url;
                document = new DocumentPayload(documentUrl, contentType, http == null ? null : http.headers(),
                        http == null ? 0 : http.status(), payload.bytes(), payload.truncated());
            } else if (digest == null) {
                digest = read(rawBody, true, 0).digest();
            }
        }
        RecordType type = record instanceof WarcRevisit ? RecordType.REVISIT
                : record instanceof WarcResource ? RecordType.RESOURCE : RecordType.RESPONSE;
        CaptureRow row = new CaptureRow(0, SurtKey.of(url), timestamp, url, status, mime, digest, type,
                offset, 0, file, recordId, redirect, refersToUrl, refersToTimestamp);
        return new Read(row, document);
    }

    /** A POST or PUT request's key, as pywb keys it ({@link PostQuery}); else null. */
    PostKey postKey(WarcRequest request) throws IOException {
        if (!request.contentType().base().equals(MediaType.HTTP)) return null;
        HttpRequest http = request.http();
        String method = http.method();
        if (!method.equalsIgnoreCase("POST") && !method.equalsIgnoreCase("PUT")) return null;
        byte[] body = read(http.body(), false, PostQuery.MAX_BODY).bytes();
        String url = SurtKey.cleanUrl(request.target());
        return PostQuery.key(url, method, http.headers().first("Content-Type").orElse(null), body);
    }

    private record Payload(byte[] bytes, boolean truncated, String digest) {
    }

    private Payload read(ReadableByteChannel body, boolean digest) throws IOException {
        return read(body, digest, MAX_EXTRACT_BYTES);
    }

    /** Reads a body once: keeps up to {@code keep} bytes and, if asked, digests all of it (sha1, base32). */
    private Payload read(ReadableByteChannel body, boolean digest, int keep) throws IOException {
        MessageDigest sha1 = digest ? sha1() : null;
        ByteArrayOutputStream kept = new ByteArrayOutputStream(keep == 0 ? 0 : 8192);
        boolean truncated = false;
        while (true) {
            buffer.clear();
            int n = body.read(buffer);
            if (n < 0) break;
            buffer.flip();
            if (sha1 != null) {
                sha1.update(buffer.array(), 0, n);
            }
            if (keep > 0 && !truncated) {
                if (kept.size() + n > keep) truncated = true;
                else kept.write(buffer.array(), 0, n);
            }
            if (sha1 == null && truncated) break;
        }
        return new Payload(kept.toByteArray(), truncated, sha1 == null ? null : base32(sha1.digest()));
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4648 base32, as WARC digests and CDX files write sha1 values. */
    static String base32(byte[] bytes) {
        final String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder out = new StringBuilder((bytes.length * 8 + 4) / 5);
        int bits = 0;
        int value = 0;
        for (byte b : bytes) {
            value = (value << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(alphabet.charAt((value >>> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) out.append(alphabet.charAt((value << (5 - bits)) & 31));
        while (out.length() % 8 != 0) out.append('=');
        return out.toString();
    }

    /** "sha1:ABC" becomes "ABC" as CDX writes it; other algorithms keep their label. */
    static String cdxDigest(String headerValue) {
        String v = headerValue.strip();
        if (v.regionMatches(true, 0, "sha1:", 0, 5)) return v.substring(5);
        if (v.regionMatches(true, 0, "sha-1:", 0, 6)) return v.substring(6);
        return v;
    }

    /** The media type without parameters, as cdxj-indexer splits it; null when absent. */
    static String mimeOf(String contentType) {
        if (contentType == null) return null;
        String m = contentType.strip().split("[;\\s]", 2)[0].strip();
        return m.isEmpty() ? null : m;
    }

    static boolean isDocument(String mime) {
        if (mime == null) return false;
        String m = mime.toLowerCase(Locale.ROOT);
        return m.equals("text/html") || m.equals("application/xhtml+xml") || m.equals("application/pdf")
                || m.equals("application/msword") || m.equals("application/rtf") || m.equals("text/rtf")
                || m.equals("application/epub+zip") || m.equals("application/vnd.ms-excel")
                || m.equals("application/vnd.ms-powerpoint")
                || m.startsWith("application/vnd.openxmlformats-officedocument.")
                || m.startsWith("application/vnd.oasis.opendocument.");
    }

    private static String resolve(String base, String location) {
        try {
            return URI.create(base).resolve(location.strip().replace(" ", "%20")).toString();
        } catch (IllegalArgumentException e) {
            return location.strip();
        }
    }

    private interface HttpSource {
        HttpResponse get() throws IOException;
    }

    /** The record's HTTP response, or null when its block is not one (an ARC record of a dns: lookup, say). */
    private static HttpResponse httpOf(HttpSource source) {
        try {
            return source.get();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
