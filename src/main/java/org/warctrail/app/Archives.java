package org.warctrail.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.warctrail.index.Deriver;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.index.VersionFlagsTable;
import org.warctrail.provenance.ReuseIndexing;
import org.warctrail.versions.IndexVersionFlagger;

/**
 * The application's wiring of a store: the extract stage's extractor, and the derivers of the stages after the
 * index (which the index cannot import), handed to {@link Archive} by constructor. The CLI and the web server open
 * stores through here.
 */
public final class Archives {
    private Archives() {
    }

    /** What is derived after each indexing batch: version flags, then text reuse with its site line counts. */
    public static List<Deriver> derivers() {
        return List.of(VersionFlagsTable.deriver(new IndexVersionFlagger()), new ReuseIndexing());
    }

    /** Opens a store for work (capture, import, serve, reindex): catches up indexing and derivation. */
    public static Archive open(Path storeDir, Consumer<String> notices) throws IOException {
        return open(storeDir, notices, DocumentExtractor.standard());
    }

    /** As {@link #open(Path, Consumer)}, with another extractor (tests, benches). */
    public static Archive open(Path storeDir, Consumer<String> notices, DocumentExtractor extractor)
            throws IOException {
        return Archive.open(storeDir, notices, extractor, derivers());
    }

    /**
     * Opens a store for the server: catches up indexing, and derives the backlog and whatever is indexed later
     * on one background thread, so the server listens at once.
     */
    public static Archive openDerivingInBackground(Path storeDir, Consumer<String> notices) throws IOException {
        return Archive.openDerivingInBackground(storeDir, notices, DocumentExtractor.standard(), derivers());
    }

    /** Opens a store for a read command: nothing is indexed nor derived, no write lock taken. */
    public static Archive openForReading(Path storeDir, Consumer<String> notices) throws IOException {
        return Archive.openForReading(storeDir, notices, DocumentExtractor.standard(), derivers());
    }
}
