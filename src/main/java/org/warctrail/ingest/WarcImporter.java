package org.warctrail.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.warctrail.index.BadRecord;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.FileIndexReport;
import org.warctrail.index.IndexException;
import org.warctrail.index.IndexedFile;
import org.warctrail.index.IndexerDied;
import org.warctrail.index.WarcIndexer;
import org.warctrail.store.RecordBoundaryScanner;
import org.warctrail.store.WarcStore;

/**
 * Brings WARC (plain, gzip, zstd), ARC (plain, gzip) and WACZ files from other tools into the store and indexes
 * them: copied under {@code warcs/imported/} (or indexed where they lie), recognised by content so that importing
 * the same file twice adds nothing, each unreadable record reported and skipped.
 *
 * <p>A whole-file gzip (all records in one gzip member, as some tools write) cannot be read record by record at
 * an offset; its copy is stored decompressed instead, record bytes unchanged, so that every record replays.
 */
public final class WarcImporter {
    static final String IMPORTED = "imported";

    private final WarcStore store;
    private final CaptureIndex index;
    private final WarcIndexer indexer;

    public WarcImporter(WarcStore store, CaptureIndex index, WarcIndexer indexer) {
        this.store = store;
        this.index = index;
        this.indexer = indexer;
    }

    public ImportResult importFiles(List<Path> inputs, ImportOptions options, ImportListener listener)
            throws IOException {
        for (Path input : inputs) {
            if (!Files.exists(input)) throw new NoSuchFileException(input.toString());
            if (!Files.isDirectory(input) && !Files.isRegularFile(input)) {
                // a FIFO or /dev/zero would be read forever
                throw new IllegalArgumentException(input + " is not a regular file (a FIFO, a device or a socket); "
                        + "import reads WARC, ARC and WACZ files and directories of them");
            }
        }
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                for (Path p : walk(input)) {
                    if (!Files.isRegularFile(p)) {
                        listener.notice(p + ": not a regular file; skipped");
                    } else if (ArchiveSniffer.isArchive(p)) {
                        files.add(p);
                    } else {
                        listener.notice(p + ": not a WARC, ARC or WACZ file (by its content); skipped");
                    }
                }
            } else {
                files.add(input);
            }
        }
        long bytes = 0;
        for (Path f : files) bytes += Files.size(f);
        listener.planned(files.size(), bytes);
        List<ImportedFile> done = new ArrayList<>();
        for (Path f : files) {
            try {
                if (isWacz(f)) done.addAll(importWacz(f, options, listener));
                else done.add(importFile(f, options, listener));
            } catch (IndexerDied e) {
                throw e; // not this file's fault: the import stops, and the next command indexes the rest
            } catch (IOException | RuntimeException e) {
                // one bad file never stops the others, unless the disk is full: then nothing after it can be stored
                done.add(failed(f.toString(), f.toString(), 0, e, listener));
                if (IndexException.isDiskFull(e)) {
                    listener.notice("the disk is full: the import stops after " + f + "; free some space and "
                            + "import again (files already imported are recognised and skipped)");
                    return new ImportResult(done, true);
                }
            }
        }
        return new ImportResult(done);
    }

    /** The files under a directory, in name order, without following links out of it. */
    private static List<Path> walk(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> !Files.isDirectory(p)).sorted().toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** A file that could not be imported: reported as one bad record at {@code offset}, the rest goes on. */
    private ImportedFile failed(String source, String name, long offset, Exception e, ImportListener listener) {
        BadRecord bad = new BadRecord(name, offset, reasonOf(e));
        listener.badRecord(bad);
        ImportedFile result = new ImportedFile(source, name, false,
                new FileIndexReport(name, 0, 0, 0, 0, List.of(bad), 0, 0));
        listener.fileFinished(result);
        return result;
    }

    private static String reasonOf(Exception e) {
        if (IndexException.isDiskFull(e)) return "the disk is full (" + e.getMessage() + ")";
        if (e instanceof NoSuchFileException n) return "no such file: " + n.getFile();
        if (e instanceof java.nio.file.AccessDeniedException a) return "permission denied: " + a.getFile();
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        return BadRecord.printable(BadRecord.reasonOf(e));
    }

    private ImportedFile importFile(Path source, ImportOptions options, ImportListener listener) throws IOException {
        listener.fileStarted(source, Files.size(source));
        String fingerprint = Fingerprint.of(source);
        Optional<IndexedFile> known = known(fingerprint, Files.size(source));
        if (known.isPresent()) return duplicate(source.toString(), known.get(), listener);
        ImportedFile imported;
        if (options.inPlace()) {
            String name = store.nameOf(source);
            IndexedFile file = index.registerFile(name, Files.size(source), mtime(source), fingerprint,
                    source.toAbsolutePath().toString());
            imported = new ImportedFile(source.toString(), name, false, counted(file, index(file, source, listener)));
        } else {
            imported = copyAndIndex(source, IMPORTED, source.getFileName().toString(),
                    source.toAbsolutePath().toString(), fingerprint, options, listener);
        }
        listener.fileFinished(imported);
        return imported;
    }

    private ImportedFile copyAndIndex(Path source, String dir, String fileName, String origin, String fingerprint,
                                      ImportOptions options, ImportListener listener) throws IOException {
        RecordBoundaryScanner.Framing framing = RecordBoundaryScanner.framing(source);
        Path target = copy(source, dir, StoredFileNames.storedName(fileName, StoredFileNames.sniffExtension(source, framing)), null);
        IndexedFile file = index.registerFile(store.nameOf(target), Files.size(target), mtime(target), fingerprint,
                origin);
        FileIndexReport report = indexer.index(file, target, new WarcIndexer.Options(true,
                framing == RecordBoundaryScanner.Framing.GZIP), progress(listener));
        if (report.sharedMembers() > 0) {
            // a whole-file gzip: store it decompressed so that each record has its own offset
            index.forgetFile(file.id());
            Files.delete(target);
            String plainExtension = StoredFileNames.sniffExtension(source, framing).replace(".gz", "");
            List<String> damage = new ArrayList<>();
            target = copy(source, dir, StoredFileNames.storedName(fileName, plainExtension),
                    new Gunzip(options.limit(), origin, damage));
            listener.notice(fileName + ": all records share gzip members; stored decompressed as "
                    + store.nameOf(target) + " so that each record can be replayed");
            file = index.registerFile(store.nameOf(target), Files.size(target), mtime(target), fingerprint, origin);
            report = index(file, target, listener);
            damage.forEach(listener::notice);
        }
        return new ImportedFile(origin, file.name(), false, counted(file, report));
    }

    /** The report with the file's captures as the index holds them (another process may have indexed some). */
    private FileIndexReport counted(IndexedFile file, FileIndexReport r) {
        long held = index.captureCount(file.id());
        return new FileIndexReport(r.file(), r.records(), held, r.documents(), r.extractionErrors(), r.badRecords(),
                r.sharedMembers(), r.stoppedAt());
    }

    private List<ImportedFile> importWacz(Path wacz, ImportOptions options, ImportListener listener)
            throws IOException {
        listener.fileStarted(wacz, Files.size(wacz));
        if (options.inPlace()) {
            listener.notice(wacz.getFileName() + ": WARC files inside a WACZ cannot be indexed in place; "
                    + "they are extracted into the store");
        }
        List<ImportedFile> out = new ArrayList<>();
        String dir = IMPORTED + "/" + StoredFileNames.shortName(StoredFileNames.stripExtension(wacz.getFileName().toString(), ".wacz"));
        try (ZipFile zip = new ZipFile(wacz.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            List<ZipEntry> warcs = new ArrayList<>();
            java.util.Set<String> names = new java.util.HashSet<>();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory() || !e.getName().startsWith("archive/")) continue;
                String origin = wacz.toAbsolutePath() + "!/" + e.getName();
                if (!names.add(e.getName())) {
                    // java.util.zip reads one entry of a name for both (the later one): the other is lost, and said so
                    out.add(failed(origin, origin, 0, new IOException("a second entry named " + e.getName()
                            + " in the WACZ; only one of the two can be read"), listener));
                } else if (WarcStore.isArchiveFile(Path.of(e.getName()).getFileName())) {
                    warcs.add(e);
                }
            }
            if (warcs.isEmpty()) throw new IOException(wacz + ": not a WACZ (no archive/*.warc files)");
            for (ZipEntry entry : warcs) {
                String origin = wacz.toAbsolutePath() + "!/" + entry.getName();
                try {
                    out.add(importEntry(zip, entry, dir, origin, options, listener));
                } catch (IndexerDied e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    if (IndexException.isDiskFull(e)) throw e;
                    out.add(failed(origin, origin, 0, e, listener));
                }
            }
        }
        return out;
    }

    /** One WARC of a WACZ: extracted (within the expansion limits) to a temporary file, then imported. */
    private ImportedFile importEntry(ZipFile zip, ZipEntry entry, String dir, String origin, ImportOptions options,
                                     ImportListener listener) throws IOException {
        String entryName = StoredFileNames.shortName(entry.getName().substring(entry.getName().lastIndexOf('/') + 1));
        Path part = StoredFileNames.uniquePath(store.warcsDir().resolve(dir), "." + entryName + ".part");
        Files.createDirectories(part.getParent());
        try {
            try (InputStream in = zip.getInputStream(entry); OutputStream o = Files.newOutputStream(part)) {
                options.limit().copy(in, o, null, Math.max(entry.getCompressedSize(), 0));
            }
            String fingerprint = Fingerprint.of(part);
            Optional<IndexedFile> known = known(fingerprint, Files.size(part));
            if (known.isPresent()) return duplicate(origin, known.get(), listener);
            ImportedFile imported = copyAndIndex(part, dir, entryName, origin, fingerprint, options, listener);
            listener.fileFinished(imported);
            return imported;
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private ImportedFile duplicate(String source, IndexedFile known, ImportListener listener) {
        listener.notice(source + ": already in the store as " + known.name() + "; nothing added");
        ImportedFile result = new ImportedFile(source, known.name(), true,
                new FileIndexReport(known.name(), 0, 0, 0, 0, List.of(), 0, known.indexedBytes()));
        listener.fileFinished(result);
        return result;
    }

    /** A file of the store with this content, fingerprinting on the way files found without one. */
    private Optional<IndexedFile> known(String fingerprint, long size) throws IOException {
        Optional<IndexedFile> known = index.fileByFingerprint(fingerprint);
        if (known.isPresent()) return known;
        for (IndexedFile f : index.filesWithoutFingerprint(size)) {
            Path path = store.resolve(f.name());
            if (!Files.isRegularFile(path)) continue;
            String fp = Fingerprint.of(path);
            index.setFingerprint(f.id(), fp);
            if (fp.equals(fingerprint)) return Optional.of(f);
        }
        return Optional.empty();
    }

    private FileIndexReport index(IndexedFile file, Path path, ImportListener listener) throws IOException {
        return indexer.index(file, path, WarcIndexer.Options.FOREIGN, progress(listener));
    }

    private static WarcIndexer.Listener progress(ImportListener listener) {
        return new WarcIndexer.Listener() {
            @Override
            public void progress(long position) {
                listener.progress(position);
            }

            @Override
            public void badRecord(BadRecord bad) {
                listener.badRecord(bad);
            }

            @Override
            public void notice(String message) {
                listener.notice(message);
            }
        };
    }

    /** How a whole-file gzip is decompressed: within limits; a damaged trailer is noted, not fatal. */
    private record Gunzip(ExpansionLimit limit, String origin, List<String> notices) {
    }

    /**
     * Copies (or gunzips) into warcs/imported/ under a name of its own, via a temporary name that never stays
     * behind. A whole-file gzip whose only defect is its trailer (CRC or length) keeps every byte it gave.
     */
    private Path copy(Path source, String under, String name, Gunzip gunzip) throws IOException {
        Path dir = store.warcsDir().resolve(under);
        Files.createDirectories(dir);
        Path target = StoredFileNames.uniquePath(dir, name);
        Path part = target.resolveSibling(target.getFileName() + ".part");
        boolean moved = false;
        try {
            if (gunzip == null) {
                Files.copy(source, part);
            } else {
                try (ExpansionLimit.Counted raw = new ExpansionLimit.Counted(Files.newInputStream(source));
                     InputStream in = new GZIPInputStream(raw, 64 * 1024);
                     OutputStream out = Files.newOutputStream(part)) {
                    try {
                        gunzip.limit().copy(in, out, raw, 0);
                    } catch (java.util.zip.ZipException | java.io.EOFException e) {
                        // a bad CRC or length in the trailer, or a cut-off end: what was decompressed is kept, and
                        // the indexer reports any record it cuts
                        long at = Math.max(0, Math.min(raw.count, Files.size(source)) - 1);
                        gunzip.notices().add(gunzip.origin() + ": damaged gzip data near offset " + at + " ("
                                + e.getMessage() + "); the records before it are kept");
                    }
                }
            }
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } finally {
            if (!moved) Files.deleteIfExists(part);
        }
        return target;
    }

    static boolean isWacz(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wacz");
    }

    private static long mtime(Path p) throws IOException {
        return Files.getLastModifiedTime(p).toMillis();
    }
}
