package org.warctrail.index;

import org.warctrail.extract.Extractor;

/** Holds the one standard {@link Extractor}: the JVM builds it when {@link DocumentExtractor#standard()} first extracts. */
final class StandardExtractor {
    static final Extractor INSTANCE = new Extractor();

    private StandardExtractor() {
    }
}
