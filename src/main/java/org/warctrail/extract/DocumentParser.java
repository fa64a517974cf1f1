package org.warctrail.extract;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParserConfig;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.LinkContentHandler;
import org.apache.tika.sax.TeeContentHandler;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Text and metadata of non-HTML documents (PDF, Word, OpenDocument, RTF, plain text, ...) with the parsers of
 * {@link TikaParsers}, under limits: Tika's {@code SecureContentHandler} (compression ratio and nesting depth,
 * against zip bombs), a cap on the extracted characters (the text is kept up to it), a time limit checked as
 * the parser produces output, Word and PowerPoint read as a stream of SAX events (not as a tree in memory), PDF
 * streams measured before PDFBox decodes them (see {@link PdfStreamCheck}), no OCR, and embedded documents
 * (attachments, images) left unparsed. A parse failure yields a Document with {@code error} set and whatever text
 * came before it. The {@link Extractor} runs this under {@link BoundedWork}'s time and memory watch.
 */
final class DocumentParser {
    /** A PDF whose compressed (non-image) streams expand to more than this in all is refused unparsed. */
    static final long MAX_PDF_STREAM_BYTES = 256L * 1024 * 1024;

    private final int maxChars;
    private final long maxNanos;
    private final QuoteFinder quotes = new QuoteFinder();
    private final LinkClassifier classifier = new LinkClassifier();

    DocumentParser(int maxChars, long maxMillis) {
        this.maxChars = maxChars;
        this.maxNanos = maxMillis * 1_000_000L;
    }

    Document parse(String url, String contentType, byte[] payload) {
        Metadata md = new Metadata();
        if (contentType != null && !PayloadTypes.isGeneric(contentType)) md.set(Metadata.CONTENT_TYPE, contentType);
        String name = resourceName(url);
        if (name != null) md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        ParseContext context = new ParseContext();
        context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
        OfficeParserConfig office = new OfficeParserConfig();
        office.setUseSAXDocxExtractor(true);
        office.setUseSAXPptxExtractor(true);
        context.set(OfficeParserConfig.class, office);
        PDFParserConfig pdf = new PDFParserConfig();
        pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
        pdf.setExtractInlineImages(false);
        context.set(PDFParserConfig.class, pdf);
        if (isPdf(contentType, payload)) {
            String refusal = PdfStreamCheck.refusal(payload, MAX_PDF_STREAM_BYTES);
            if (refusal != null) {
                return new Document(url, "application/pdf", null, null, null, null, null, null, null, null, null,
                        null, null, "not parsed: " + refusal + (url == null ? "" : " (" + url + ")"));
            }
        }

        ParagraphHandler text = new ParagraphHandler(maxChars, System.nanoTime() + maxNanos);
        LinkContentHandler links = new LinkContentHandler();
        ContentHandler handler = new TeeContentHandler(text, links);
        String error = null;
        try (TikaInputStream in = TikaInputStream.get(payload)) {
            TikaParsers.parser().parse(in, handler, md, context);
        } catch (IOException | SAXException | TikaException | RuntimeException | LinkageError e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                error = describe(e) + " (" + (md.get(Metadata.CONTENT_TYPE) == null ? contentType : md.get(Metadata.CONTENT_TYPE))
                        + (url == null ? "" : ", " + url) + ")";
            }
        }
        List<String> paragraphs = text.paragraphs();
        String body = String.join("\n\n", paragraphs);
        String title = clean(md.get(TikaCoreProperties.TITLE));
        if (title == null) title = firstLine(paragraphs, text);
        Set<String> authors = new LinkedHashSet<>();
        for (String a : md.getValues(TikaCoreProperties.CREATOR)) {
            if (clean(a) != null) authors.addAll(ArticleMetadata.splitNames(a));
        }
        String lang = PageLanguage.normalize(md.get(TikaCoreProperties.LANGUAGE));
        if (lang == null) lang = PageLanguage.guess(body);
        String type = md.get(Metadata.CONTENT_TYPE) != null ? md.get(Metadata.CONTENT_TYPE) : contentType;
        return new Document(url, type, title, body.isEmpty() ? null : body,
                IsoDates.normalize(md.get(TikaCoreProperties.CREATED)), IsoDates.normalize(md.get(TikaCoreProperties.MODIFIED)),
                new ArrayList<>(authors), lang, null, null, clean(md.get(TikaCoreProperties.DESCRIPTION)),
                links(links, url), quotes.find(paragraphs, new BitSet()), error);
    }

    private static boolean isPdf(String contentType, byte[] payload) {
        if (PayloadTypes.base(contentType).equals("application/pdf")) return true;
        // %PDF- within the first KB, as PDF readers accept it
        String head = new String(payload, 0, Math.min(payload.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }

    private List<Link> links(LinkContentHandler handler, String url) {
        Set<Link> out = new LinkedHashSet<>();
        for (org.apache.tika.sax.Link l : handler.getLinks()) {
            if (!l.isAnchor()) continue;
            String target = absolute(url, l.getUri());
            if (target == null) continue;
            String anchor = l.getText() == null ? "" : l.getText().replaceAll("\\s+", " ").strip();
            LinkKind kind = classifier.classify(new LinkClassifier.Clues(target, url, anchor, "", "", LinkPlace.MAIN, null));
            out.add(new Link(target, anchor, "", kind, LinkPlace.MAIN));
        }
        return new ArrayList<>(out);
    }

    private static String absolute(String base, String ref) {
        if (ref == null || ref.isBlank()) return null;
        try {
            URI u = base == null ? URI.create(ref.strip()) : URI.create(base).resolve(ref.strip());
            String s = Outlinks.withoutFragment(u.toString());
            String lower = s.toLowerCase(java.util.Locale.ROOT);
            return lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("mailto:") ? s : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String firstLine(List<String> paragraphs, ParagraphHandler text) {
        for (int i = 0; i < paragraphs.size(); i++) if (text.heading(i)) return paragraphs.get(i);
        for (String p : paragraphs) if (p.length() <= 200) return p;
        return null;
    }

    private static String resourceName(String url) {
        if (url == null) return null;
        try {
            String path = URI.create(url).getPath();
            if (path == null || path.isEmpty() || path.endsWith("/")) return null;
            return path.substring(path.lastIndexOf('/') + 1);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && (root.getMessage() == null || root instanceof TikaException)) {
            root = root.getCause();
        }
        String message = root.getMessage();
        if (message == null || message.isBlank()) message = root.getClass().getSimpleName();
        return e == root ? message : e.getClass().getSimpleName() + ": " + message;
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = s.replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }

    /** Attachments and embedded files are other documents; reading them is not this document's text. */
    private static final class SkipEmbedded implements EmbeddedDocumentExtractor {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(java.io.InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // never called: shouldParseEmbedded says no
        }
    }
}
