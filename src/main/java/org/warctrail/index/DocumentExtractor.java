package org.warctrail.index;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Optional;
import org.warctrail.extract.Document;

/**
 * Turns a decoded payload into a {@link Document}: the extract stage, as the index calls it. The integrator
 * passes {@code new org.warctrail.extract.Extractor()::extract}.
 */
@FunctionalInterface
public interface DocumentExtractor {
    /**
     * @param url         the capture's URL
     * @param contentType the payload's Content-Type (with parameters), may be null
     * @param payload     the payload with transfer and content encodings removed
     * @return the document, or null when the payload is not a document
     */
    Document extract(String url, String contentType, byte[] payload) throws Exception;

    /** Extracts nothing: an index of captures only. */
    DocumentExtractor NONE = (url, contentType, payload) -> null;

    /** The extract stage's {@code org.warctrail.extract.Extractor}, when it is on the class path. */
    static Optional<DocumentExtractor> fromClasspath() {
        try {
            Class<?> type = Class.forName("org.warctrail.extract.Extractor");
            Object extractor = type.getConstructor().newInstance();
            MethodHandle extract = MethodHandles.publicLookup().findVirtual(type, "extract",
                    MethodType.methodType(Document.class, String.class, String.class, byte[].class)).bindTo(extractor);
            return Optional.of((url, contentType, payload) -> {
                try {
                    return (Document) extract.invoke(url, contentType, payload);
                } catch (Exception | Error e) {
                    throw e;
                } catch (Throwable t) {
                    throw new RuntimeException(t);
                }
            });
        } catch (ReflectiveOperationException | LinkageError e) {
            return Optional.empty();
        }
    }
}
