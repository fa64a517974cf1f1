package org.warctrail.app;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.warctrail.capture.CaptureListener;
import org.warctrail.capture.CrawlConfig;
import org.warctrail.capture.CrawlSummary;
import org.warctrail.capture.BrowserCapture;
import org.warctrail.capture.BrowserOptions;
import org.warctrail.capture.Crawler;
import org.warctrail.capture.PayloadHistory;
import org.warctrail.extract.HtmlLinkFinder;
import org.warctrail.index.BadRecord;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.DerivationWorker;
import org.warctrail.index.Derivations;
import org.warctrail.index.Deriver;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.index.DocumentSearch;
import org.warctrail.index.FileIndexReport;
import org.warctrail.index.IndexException;
import org.warctrail.index.IndexedFile;
import org.warctrail.index.NewerSchemaException;
import org.warctrail.index.UnfinishedExtractions;
import org.warctrail.index.WarcIndexer;
import org.warctrail.ingest.ImportListener;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;
import org.warctrail.ingest.ImportedFile;
import org.warctrail.ingest.WarcImporter;
import org.warctrail.store.TornTail;
import org.warctrail.store.WarcStore;

/**
 * A store and its index, kept in step: opening one repairs torn tails left by a crashed capture and indexes
 * whatever the WARC files hold that the index does not yet; captures write through {@link #recordSink} and are
 * indexed as they are written; imports and reindex go through here too. After each committed indexing batch, the
 * derivers the application wires in ({@link Deriver}: reuse, version flags) run from the {@link Derivations}
 * queue (on the indexing thread, or on one background thread for a server: {@link #openDerivingInBackground});
 * their failures mark the capture concerned and never fail the indexing.
 *
 * <p>Thread contract: captures, imports and reads may run on several threads at once (SQLite serializes the
 * writes); {@link #reindex} swaps the index and must not run beside anything else on the same Archive.
 */
public final class Archive implements Closeable {
    private final WarcStore store;
    private final DocumentExtractor extractor;
    private final List<Deriver> derivers;
    private final Consumer<String> notices;
    private final Object reindexing = new Object();
    private volatile CaptureIndex index;
    private volatile Derivations derivations;
    private volatile WarcIndexer indexer;
    private volatile DerivationWorker worker;
    private final UnfinishedExtractions unfinished;

    private Archive(WarcStore store, CaptureIndex index, DocumentExtractor extractor, List<Deriver> derivers,
                    Consumer<String> notices) {
        this.store = store;
        this.extractor = extractor;
        this.derivers = List.copyOf(derivers);
        this.notices = notices;
        this.unfinished = new UnfinishedExtractions(store.dir().resolve(UnfinishedExtractions.DIRECTORY));
        use(index);
    }

    private void use(CaptureIndex fresh) {
        this.index = fresh;
        this.derivations = new Derivations(fresh, derivers, notices);
        if (worker != null) derivations.deriveOn(worker);
        this.indexer = new WarcIndexer(fresh, extractor, derivations, unfinished);
    }

    /**
     * Opens a store for work: indexes what the WARC files hold that the index does not yet, then derives what is
     * pending (left by a process that stopped, or queued by a schema upgrade).
     *
     * @param derivers what to derive after each indexing batch (the application's wiring chooses)
     */
    public static Archive open(Path storeDir, Consumer<String> notices, DocumentExtractor extractor,
                               List<Deriver> derivers) throws IOException {
        return open(storeDir, notices, extractor, derivers, false);
    }

    /**
     * Opens a store for a server: indexes what the WARC files hold that the index does not yet, and returns
     * without deriving: one background thread derives what is pending, and whatever is indexed later (captures
     * from the UI, watches), while the archive is used. Pages show what is not derived yet as such or compute it
     * in memory. {@link #close} stops the thread after the capture it derives.
     */
    public static Archive openDerivingInBackground(Path storeDir, Consumer<String> notices,
                                                   DocumentExtractor extractor, List<Deriver> derivers)
            throws IOException {
        return open(storeDir, notices, extractor, derivers, true);
    }

    private static Archive open(Path storeDir, Consumer<String> notices, DocumentExtractor extractor,
                                List<Deriver> derivers, boolean background) throws IOException {
        Archive archive = openForReading(storeDir, notices, extractor, derivers);
        try {
            if (background) archive.deriveInBackground();
            archive.catchUp(ImportListener.NONE);
            if (background) archive.worker.wake();
            else archive.derivations.run();
        } catch (IOException | RuntimeException e) {
            archive.close();
            if (IndexException.isCorrupt(e)) throw damaged(archive.store, e);
            throw e;
        }
        return archive;
    }

    /**
     * Opens a store for reading: neither indexes nor derives anything, so read commands never take the write
     * lock (an index at an older schema version is upgraded, which does).
     */
    public static Archive openForReading(Path storeDir, Consumer<String> notices, DocumentExtractor extractor,
                                         List<Deriver> derivers) throws IOException {
        WarcStore store = WarcStore.open(storeDir);
        CaptureIndex index;
        try {
            index = CaptureIndex.open(store.indexFile());
        } catch (IOException | RuntimeException e) {
            throw damaged(store, e);
        }
        return new Archive(store, index, extractor, derivers, notices);
    }

    private void deriveInBackground() {
        worker = new DerivationWorker(() -> derivations, notices).start();
        derivations.deriveOn(worker);
    }

    /** The derived-data queue: its status, and retrying what failed. */
    public Derivations derivations() {
        return derivations;
    }

    /** What to tell when the index cannot be used: it is derived, so reindex builds it again. */
    private static IOException damaged(WarcStore store, Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NewerSchemaException newer) {
                return new IOException(store.indexFile() + " cannot be opened: " + newer.getMessage(), e);
            }
        }
        return new IOException(store.indexFile().getFileName() + " is damaged (" + shortReason(e)
                + "): run `warctrail reindex` to rebuild it from the WARC files", e);
    }

    private static String shortReason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.length() > 120 ? m.substring(0, 120) + "..." : m;
    }

    /**
     * Rebuilds the index of the store at {@code storeDir} from its WARC files whatever state index.sqlite is in:
     * when it cannot be opened or read (random bytes, truncated, a zeroed first page, a directory in its place),
     * it is moved aside, which is said, and the new index starts from the files under warcs/ alone.
     */
    public static ImportResult rebuild(Path storeDir, Consumer<String> notices, DocumentExtractor extractor,
                                       List<Deriver> derivers, ImportListener listener) throws IOException {
        WarcStore store = WarcStore.open(storeDir);
        Path live = store.indexFile();
        CaptureIndex index = null;
        try {
            index = CaptureIndex.open(live);
            index.files(); // the list of files reindex keeps must be readable
        } catch (IOException | RuntimeException e) {
            if (index != null) index.close();
            index = null;
            Path aside = moveAside(live);
            String message = live.getFileName() + " is damaged (" + shortReason(e) + "); moved aside as "
                    + aside.getFileName() + "; rebuilding it from the WARC files";
            notices.accept(message);
        }
        if (index == null) index = CaptureIndex.open(live);
        try (Archive archive = new Archive(store, index, extractor, derivers, notices)) {
            return archive.reindex(listener);
        }
    }

    /** Moves a damaged index (and its WAL and shared-memory files) to a free name beside it. */
    private static Path moveAside(Path db) throws IOException {
        String stamp = java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
                .withZone(java.time.ZoneOffset.UTC).format(java.time.Instant.now());
        Path aside = db.resolveSibling(db.getFileName() + ".damaged-" + stamp);
        for (int i = 1; Files.exists(aside, java.nio.file.LinkOption.NOFOLLOW_LINKS); i++) {
            aside = db.resolveSibling(db.getFileName() + ".damaged-" + stamp + "-" + i);
        }
        Files.move(db, aside);
        for (String suffix : List.of("-wal", "-shm")) {
            Path side = db.resolveSibling(db.getFileName() + suffix);
            if (Files.exists(side)) Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
        }
        return aside;
    }

    public WarcStore store() {
        return store;
    }

    /** The capture index: the {@link CaptureLookup} replay and the UI read. */
    public CaptureIndex index() {
        return index;
    }

    public DocumentSearch search() {
        return index.search();
    }

    public PayloadHistory payloadHistory() {
        return index;
    }

    /** A sink writing new WARC files into the store, indexing each record as it is written. */
    public ArchiveRecordSink recordSink(long maxFileSize, Map<String, String> warcinfo) {
        return new ArchiveRecordSink(store, index, indexer, store.newWriter(maxFileSize, warcinfo), notices);
    }

    /**
     * Captures with the crawler into new WARC files of this store, indexing and extracting each record as it is
     * written; the warcinfo of each file records the crawl's robots policy, and when certificates went unchecked.
     */
    public CrawlSummary capture(CrawlConfig config, long maxFileSize, CaptureListener listener) throws IOException {
        Map<String, String> warcinfo = new LinkedHashMap<>();
        warcinfo.put("robots", config.obeyRobots() ? "obey" : "ignore");
        warcinfo.put("http-header-user-agent", config.userAgent());
        if (!config.checkCertificates()) warcinfo.put("tls-certificates", "not checked");
        try (ArchiveRecordSink sink = recordSink(maxFileSize, warcinfo)) {
            return new Crawler(config, sink, index, new HtmlLinkFinder(), listener).run();
        }
    }

    /**
     * Captures through a headless browser ({@link BrowserCapture}): the same records, rules and limits as
     * {@link #capture}, and each page's rendered DOM and screenshot beside its response; the warcinfo says so.
     */
    public CrawlSummary captureWithBrowser(CrawlConfig config, BrowserOptions browser, long maxFileSize,
                                           CaptureListener listener) throws IOException {
        Map<String, String> warcinfo = new LinkedHashMap<>();
        warcinfo.put("robots", config.obeyRobots() ? "obey" : "ignore");
        warcinfo.put("http-header-user-agent", config.userAgent());
        if (!config.checkCertificates()) warcinfo.put("tls-certificates", "not checked");
        warcinfo.put("browser", browser.executable() + " (headless; requests fetched and recorded by warctrail)");
        try (ArchiveRecordSink sink = recordSink(maxFileSize, warcinfo)) {
            return new BrowserCapture(config, browser, sink, index, new HtmlLinkFinder(), listener).run();
        }
    }

    public ImportResult importFiles(List<Path> files, ImportOptions options, ImportListener listener)
            throws IOException {
        return new WarcImporter(store, index, indexer).importFiles(files, options, listener);
    }

    /**
     * Loads a Spark job's output ({@code import --derived}) into the store, then derives what it queued (reuse,
     * version flags), as an import does after each batch.
     */
    public ImportResult importDerived(Path dir) throws IOException {
        ImportResult result = new org.warctrail.ingest.DerivedImporter(store, index).importDerived(dir, notices);
        derivations.run();
        return result;
    }

    /**
     * Indexes what the index lacks: for each file of the store (and each file indexed in place) that has grown
     * past its mark, cuts a torn tail of ours, then indexes the rest.
     */
    public ImportResult catchUp(ImportListener listener) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        for (Path p : store.files()) files.put(store.nameOf(p), p);
        for (IndexedFile f : index.files()) {
            Path p = store.resolve(f.name());
            if (Path.of(f.name()).isAbsolute() && Files.isRegularFile(p)) files.putIfAbsent(f.name(), p);
        }
        List<Map.Entry<String, IndexedFile>> todo = new ArrayList<>();
        long bytes = 0;
        for (Map.Entry<String, Path> e : files.entrySet()) {
            Optional<IndexedFile> known = index.file(e.getKey());
            IndexedFile f = known.orElseGet(() -> index.registerFile(e.getKey(), 0, 0, null, null));
            long size = Files.size(e.getValue());
            if (size > f.indexedBytes()) {
                todo.add(Map.entry(e.getKey(), f));
                bytes += size - f.indexedBytes();
            }
        }
        listener.planned(todo.size(), bytes);
        List<ImportedFile> done = new ArrayList<>();
        for (Map.Entry<String, IndexedFile> e : todo) {
            IndexedFile f = e.getValue();
            Path path = files.get(e.getKey());
            listener.fileStarted(path, Files.size(path));
            boolean ours = TornTail.isOurs(path);
            if (ours) {
                Optional<TornTail.Cut> cut = TornTail.repair(path, f.indexedBytes());
                if (cut.isPresent()) {
                    notices.accept(cut.get().toString());
                    listener.notice(cut.get().toString());
                }
            }
            FileIndexReport report = indexer.index(f, path, ours ? WarcIndexer.Options.OWN
                    : WarcIndexer.Options.FOREIGN, new WarcIndexer.Listener() {
                @Override
                public void progress(long position) {
                    listener.progress(position);
                }

                @Override
                public void badRecord(BadRecord bad) {
                    notices.accept(bad.toString());
                    listener.badRecord(bad);
                }

                @Override
                public void notice(String message) {
                    notices.accept(message);
                    listener.notice(message);
                }
            });
            ImportedFile result = new ImportedFile(path.toString(), f.name(), false, report);
            listener.fileFinished(result);
            done.add(result);
        }
        return new ImportResult(done);
    }

    /**
     * Rebuilds the index from the WARC files alone: a fresh index file is built beside the old one (keeping the
     * list of files, so files indexed in place and import identities survive), then takes its place.
     */
    public ImportResult reindex(ImportListener listener) throws IOException {
        synchronized (reindexing) {
            return rebuildIndex(listener);
        }
    }

    private ImportResult rebuildIndex(ImportListener listener) throws IOException {
        Path live = store.indexFile();
        Path fresh = live.resolveSibling(live.getFileName() + ".rebuild");
        deleteDatabase(fresh);
        List<IndexedFile> known = index.files();
        ImportResult result;
        try (CaptureIndex rebuilt = CaptureIndex.open(fresh)) {
            for (IndexedFile f : known) {
                Path p = store.resolve(f.name());
                if (Files.isRegularFile(p)) rebuilt.registerFile(f.name(), 0, 0, f.fingerprint(), f.origin());
            }
            Archive building = new Archive(store, rebuilt, extractor, derivers, notices);
            result = building.catchUp(listener);
            building.derivations.run();
            building.unfinished.close();
        }
        index.close();
        deleteDatabase(live);
        Files.move(fresh, live, StandardCopyOption.ATOMIC_MOVE);
        use(CaptureIndex.open(live));
        return result;
    }

    private static void deleteDatabase(Path db) throws IOException {
        Files.deleteIfExists(db);
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-wal"));
        Files.deleteIfExists(db.resolveSibling(db.getFileName() + "-shm"));
    }

    /** Stops the background derivation, if any (what it has not stored stays pending), then closes the index. */
    @Override
    public void close() {
        DerivationWorker background = worker;
        if (background != null) background.close();
        unfinished.close();
        index.close();
    }
}
