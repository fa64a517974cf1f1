package org.warctrail.extract;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;

/**
 * The extract stage: a pure function of a captured payload to a {@link Document}. HTML (by Content-Type,
 * or sniffed when the type is missing or generic) goes through Jsoup; other documents (PDF, Word,
 * OpenDocument, RTF, plain text, ...) through Tika. Thread-safe; never throws for bad input: a failed parse
 * is a Document whose {@code error} says what went wrong, and so is one that took too long or too much memory
 * (each payload is extracted under {@link BoundedWork}'s limits).
 *
 * <p>Payloads that are not documents (images, audio, video, fonts, stylesheets, scripts, JSON, archives)
 * give {@code null}: there is no text to index. Their links, if any, are {@link HtmlLinkFinder}'s business.
 */
public final class Extractor {
    /** Extracted text is cut at this many characters by default (about 2,000 pages of a book). */
    public static final int DEFAULT_MAX_CHARS = 5_000_000;
    /** The extraction of one payload is stopped after this long by default. */
    public static final long DEFAULT_MAX_MILLIS = 60_000;
    /** HTML beyond this many bytes is not parsed (the first part is). */
    public static final int MAX_HTML_BYTES = 16 * 1024 * 1024;

    private final HtmlExtractor html = new HtmlExtractor();
    private final DocumentParser documents;
    private final long maxMillis;

    public Extractor() {
        this(DEFAULT_MAX_CHARS, DEFAULT_MAX_MILLIS);
    }

    /**
     * @param maxChars  extracted text is cut at this many characters
     * @param maxMillis the extraction of one payload (HTML or other) is given up after this long, and the
     *                  document returned with an error saying so
     */
    public Extractor(int maxChars, long maxMillis) {
        this.documents = new DocumentParser(maxChars, maxMillis);
        this.maxMillis = maxMillis;
        Hosts.loadSuffixListInBackground();
    }

    /**
     * @param url         the URL the payload came from (links are resolved against it), may be null
     * @param contentType the Content-Type header value, may be null
     * @param payload     the decoded HTTP entity (no transfer or content encoding)
     * @return the document, or null when the payload is not a document (see the class comment)
     */
    public Document extract(String url, String contentType, byte[] payload) {
        byte[] bytes = payload == null ? new byte[0] : payload;
        if (!PayloadTypes.isHtml(contentType, bytes) && !PayloadTypes.isGeneric(contentType)
                && !PayloadTypes.isDocument(contentType)) return null;
        try {
            return BoundedWork.run(() -> extractNow(url, contentType, bytes), maxMillis);
        } catch (BoundedWork.LimitExceeded e) {
            return failed(url, contentType, "extraction stopped: it " + e.getMessage());
        } catch (ExecutionException e) {
            return failed(url, contentType, DocumentParser.describe(e.getCause()));
        }
    }

    private Document extractNow(String url, String contentType, byte[] payload) {
        String type = contentType;
        try {
            if (PayloadTypes.isHtml(type, payload)) return extractHtml(url, type, payload);
            if (PayloadTypes.isGeneric(type)) {
                type = detect(url, payload);
                if (PayloadTypes.isHtml(type, payload)) return extractHtml(url, type, payload);
            }
            if (!PayloadTypes.isDocument(type) || PayloadTypes.isGeneric(type)) return null;
            return documents.parse(url, type, payload);
        } catch (RuntimeException | StackOverflowError e) {
            return failed(url, type, DocumentParser.describe(e));
        }
    }

    private Document extractHtml(String url, String type, byte[] payload) {
        byte[] bytes = payload.length > MAX_HTML_BYTES ? java.util.Arrays.copyOf(payload, MAX_HTML_BYTES) : payload;
        return html.extract(url, type == null ? "text/html" : type, bytes);
    }

    /** The media type Tika's detector sees in the bytes, with the URL's file name as a hint. */
    static String detect(String url, byte[] payload) {
        Metadata md = new Metadata();
        if (url != null) {
            String path = url.replaceAll("[?#].*$", "");
            md.set(TikaCoreProperties.RESOURCE_NAME_KEY, path.substring(path.lastIndexOf('/') + 1));
        }
        try (TikaInputStream in = TikaInputStream.get(payload)) {
            return TikaParsers.detector().detect(in, md).toString();
        } catch (IOException e) {
            return "application/octet-stream";
        }
    }

    private static Document failed(String url, String type, String message) {
        return new Document(url, type, null, null, null, null, null, null, null, null, null, null, null,
                message + (url == null ? "" : " (" + url + ")"));
    }
}
