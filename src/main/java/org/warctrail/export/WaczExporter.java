package org.warctrail.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.warctrail.index.CaptureLookup;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.CdxLines;
import org.warctrail.index.CdxOrder;
import org.warctrail.index.CdxQuery;
import org.warctrail.index.IndexDocuments;
import org.warctrail.index.RecordType;
import org.warctrail.store.StoredRecord;
import org.warctrail.store.TornTail;
import org.warctrail.store.WarcStore;

/**
 * Packages the store, or some pages of it, as a WACZ 1.1.1 file that ReplayWeb.page and pywb open:
 * {@code archive/*.warc.gz} (records copied byte for byte from the store's files, so their digests still prove
 * them), {@code indexes/index.cdx.gz} with {@code indexes/index.idx} (CDXJ as pywb writes it, pointing into those
 * files, in the ZipNum layout of {@link ZipNumCdxj}), {@code pages/pages.jsonl},
 * optionally {@code provenance/provenance.json}, and {@code datapackage.json} with each resource's sha256 and size,
 * signed off by {@code datapackage-digest.json}.
 *
 * <p>Without URLs the whole store goes in: each WARC file is copied whole and the index is streamed in SURT order,
 * so memory stays flat however big the store is. With URLs, the pages' captures and what they need to replay go
 * in (see {@link ExportSelection}), and with sources also every page their provenance chains reach.
 */
public final class WaczExporter {
    public static final String SOFTWARE = "warctrail 0.1.0";
    public static final String PROVENANCE_PATH = "provenance/provenance.json";

    private final WarcStore store;
    private final CaptureLookup index;
    private Function<CaptureRow, Collection<String>> requisites;
    private Function<String, Collection<String>> sources;
    private Supplier<?> provenance;
    private String title;
    private SigningKey signingKey;
    private WaczTimestamp.Authority timestamps;

    public WaczExporter(WarcStore store, CaptureLookup index) {
        this.store = store;
        this.index = index;
    }

    /**
     * Finds the requisite URLs (images, CSS, scripts, frames) of a capture when the index's links table has none
     * for it, e.g. by running the extractor's link finder over the archived payload.
     */
    public WaczExporter requisites(Function<CaptureRow, Collection<String>> finder) {
        this.requisites = finder;
        return this;
    }

    /** The URLs a page's provenance chain reaches (its sources, theirs, ...), taken with {@code withSources}. */
    public WaczExporter sources(Function<String, Collection<String>> chain) {
        this.sources = chain;
        return this;
    }

    /**
     * The evidence that travels with the pages (chains, reuse, quotes), written as {@value #PROVENANCE_PATH}: the
     * supplier gives raw JSON as a {@code byte[]}, or an object Jackson can serialise; null (or a null result)
     * leaves the resource out.
     */
    public WaczExporter provenance(Supplier<?> json) {
        this.provenance = json;
        return this;
    }

    /**
     * Signs the package with {@code key} (WACZ Signing and Verification, anonymous profile: see
     * {@link WaczSignature}); null for an unsigned package.
     */
    public WaczExporter signWith(SigningKey key) {
        this.signingKey = key;
        return this;
    }

    /**
     * Has the signature timestamped (RFC 3161) by {@code authority}, as {@code timeSignature} and
     * {@code timestampCert} (see {@link WaczTimestamp}); only with {@link #signWith}.
     */
    public WaczExporter timestampWith(WaczTimestamp.Authority authority) {
        this.timestamps = authority;
        return this;
    }

    /** The package's title in datapackage.json. */
    public WaczExporter title(String title) {
        this.title = title;
        return this;
    }

    /**
     * Writes the package. The file appears complete or not at all: it is built beside the target and moved into
     * place at the end.
     *
     * @param urls        pages to export; empty for the whole store
     * @param withSources also export every page the pages' provenance chains reach (needs {@link #sources})
     */
    public WaczSummary export(Path target, List<String> urls, boolean withSources) throws IOException {
        if (withSources && sources == null) {
            throw new IllegalStateException("an export with sources needs the provenance chains (sources(...))");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, ".wacz-", ".part");
        List<String> notices = new ArrayList<>();
        Export export = new Export(dir, notices);
        try (WaczZip zip = new WaczZip(partial)) {
            Optional<IndexDocuments> documents = IndexDocuments.open(store.indexFile());
            try {
                if (urls.isEmpty()) export.everything(zip, documents);
                else export.pages(zip, documents, withSources ? withSources(urls) : urls);
            } finally {
                documents.ifPresent(IndexDocuments::close);
            }
            writeProvenance(zip);
            Instant created = Instant.now();
            zip.finish(metadata(urls, export.pages, created), signingKey == null ? null : hash -> WaczTimestamp.signed(signingKey, hash, created, timestamps));
        } catch (UncheckedIOException e) {
            Files.deleteIfExists(partial);
            throw e.getCause();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        } finally {
            export.cleanUp();
        }
        try {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            Files.deleteIfExists(partial);
            throw new IOException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return new WaczSummary(target, List.copyOf(export.warcNames), export.captures, export.pageCount,
                Files.size(target), export.notArchived, List.copyOf(notices));
    }

    private List<String> withSources(List<String> urls) {
        Set<String> all = new LinkedHashSet<>(urls);
        for (String url : urls) {
            Collection<String> reached = sources.apply(url);
            if (reached != null) all.addAll(reached);
        }
        return List.copyOf(all);
    }

    /** The state of one export: temporary files, names given, counts. */
    private final class Export {
        private final Path dir;
        private final List<String> notices;
        private final List<Path> temporary = new ArrayList<>();
        private final List<WaczWarc> warcs = new ArrayList<>();
        private final List<String> warcNames = new ArrayList<>();
        private final Set<String> usedNames = new HashSet<>();
        private List<String> notArchived = List.of();
        private final List<WaczPage> pages = new ArrayList<>();
        private long captures;
        private int pageCount;

        Export(Path dir, List<String> notices) {
            this.dir = dir;
            this.notices = notices;
        }

        /** Every WARC file whole, the index streamed in SURT order (already the CDXJ's order). */
        void everything(WaczZip zip, Optional<IndexDocuments> documents) throws IOException {
            Map<String, Long> ends = new TreeMap<>();
            index.cdx(CdxQuery.all(), row -> ends.merge(row.file(), row.offset() + row.length(), Math::max));
            Map<String, WaczWarc> byFile = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : ends.entrySet()) {
                Path source = store.resolve(e.getKey());
                if (!Files.isRegularFile(source)) {
                    notices.add("store file " + source + " is gone; its captures are left out");
                    continue;
                }
                // A file still being written is cut after its last indexed record, not mid-record.
                long length = beingWritten(source) ? e.getValue() : Files.size(source);
                WaczWarc warc = WaczWarc.whole(uniqueName(source), source, length, dir, notices::add);
                add(zip, warc);
                byFile.put(e.getKey(), warc);
            }
            Path cdx = temporary(".cdx.gz");
            Path idx = temporary(".idx");
            Path pageLines = temporary(".jsonl");
            IOException[] failure = new IOException[1];
            try (ZipNumCdxj cdxOut = new ZipNumCdxj(cdx, idx); Writer pagesOut = pagesWriter(pageLines)) {
                // relocated rows name the package's files: their lines are ordered again, as lines of the package
                CdxOrder order = new CdxOrder(CdxLines::cdxj, false, 0, (moved, line) -> {
                    if (failure[0] != null) return;
                    try {
                        cdxOut.add(line);
                        captures++;
                        Optional<WaczPage> page = pageOf(moved, documents);
                        if (page.isPresent()) {
                            page.get().writeTo(pagesOut);
                            if (pages.isEmpty()) pages.add(page.get());
                            pageCount++;
                        }
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                });
                index.cdx(CdxQuery.all(), row -> {
                    WaczWarc warc = byFile.get(row.file());
                    if (warc != null) warc.relocate(row).ifPresent(order::accept);
                });
                order.finish();
            }
            if (failure[0] != null) throw failure[0];
            putIndex(zip, cdx, idx);
            zip.putDeflated("pages/pages.jsonl", out -> Files.copy(pageLines, out));
        }

        /** The chosen pages and what they need; the CDXJ is sorted in memory, which holds only the selection. */
        void pages(WaczZip zip, Optional<IndexDocuments> documents, List<String> urls) throws IOException {
            ExportSelection selection = new ExportSelection(index, documents, requisites);
            selection.addPages(urls);
            notArchived = selection.notArchived();
            if (selection.rows().isEmpty()) {
                throw new IllegalArgumentException("not archived in " + store.dir() + ": " + String.join(", ", urls));
            }
            Map<String, Map<Long, Long>> offsets = new TreeMap<>();
            Map<String, Set<String>> ids = new LinkedHashMap<>();
            for (CaptureRow row : selection.rows()) {
                offsets.computeIfAbsent(row.file(), f -> new LinkedHashMap<>()).put(row.offset(), row.length());
                ids.computeIfAbsent(row.file(), f -> new HashSet<>()).addAll(relatedIds(row));
            }
            Map<String, WaczWarc> byFile = new LinkedHashMap<>();
            for (Map.Entry<String, Map<Long, Long>> e : offsets.entrySet()) {
                Path source = store.resolve(e.getKey());
                if (!Files.isRegularFile(source)) {
                    notices.add("store file " + source + " is gone; its captures are left out");
                    continue;
                }
                WaczWarc warc = WaczWarc.choose(uniqueName(source), source, e.getValue(), ids.get(e.getKey()),
                        dir, notices::add);
                add(zip, warc);
                byFile.put(e.getKey(), warc);
            }
            List<String> lines = new ArrayList<>();
            for (CaptureRow row : selection.rows()) {
                WaczWarc warc = byFile.get(row.file());
                if (warc == null) continue;
                warc.relocate(row).ifPresent(moved -> lines.add(CdxLines.cdxj(moved)));
            }
            lines.sort(CdxOrder.BYTES);
            Path cdx = temporary(".cdx.gz");
            Path idx = temporary(".idx");
            try (ZipNumCdxj out = new ZipNumCdxj(cdx, idx)) {
                for (String line : lines) out.add(line);
            }
            captures = lines.size();
            putIndex(zip, cdx, idx);
            pages.addAll(selection.pages());
            pageCount = pages.size();
            zip.putDeflated("pages/pages.jsonl", out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                WaczPage.writeHeader(w);
                for (WaczPage page : pages) page.writeTo(w);
                w.flush();
            });
        }

        private void putIndex(WaczZip zip, Path cdx, Path idx) throws IOException {
            zip.putStored("indexes/" + ZipNumCdxj.CDX_NAME, cdx);
            zip.putDeflated("indexes/index.idx", out -> Files.copy(idx, out));
        }

        private void add(WaczZip zip, WaczWarc warc) throws IOException {
            try {
                zip.putStored("archive/" + warc.name(), warc.ranges());
            } finally {
                warc.discard();
            }
            warcs.add(warc);
            warcNames.add(warc.name());
        }

        /** The record's id and the ids it declares concurrent, so its request and metadata travel with it. */
        private Set<String> relatedIds(CaptureRow row) {
            Set<String> related = new HashSet<>();
            if (row.recordId() != null) related.add(WaczWarc.bare(row.recordId()));
            try (StoredRecord stored = store.read(row.file(), row.offset())) {
                for (String id : stored.record().headers().all("WARC-Concurrent-To")) related.add(WaczWarc.bare(id));
            } catch (IOException e) {
                notices.add("capture " + row.url() + " at offset " + row.offset() + " of " + row.file()
                        + " could not be read: " + e.getMessage());
            }
            return related;
        }

        private String uniqueName(Path source) {
            String name = WaczWarc.packageName(source);
            String candidate = name;
            for (int i = 1; !usedNames.add(candidate); i++) candidate = i + "-" + name;
            return candidate;
        }

        private Path temporary(String suffix) throws IOException {
            Path p = Files.createTempFile(dir, ".wacz-", suffix);
            temporary.add(p);
            return p;
        }

        private Writer pagesWriter(Path file) throws IOException {
            Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
            WaczPage.writeHeader(w);
            return w;
        }

        void cleanUp() throws IOException {
            for (WaczWarc warc : warcs) warc.discard();
            for (Path p : temporary) Files.deleteIfExists(p);
        }
    }

    /** Whether a capture is writing the file now (only our own files are written to; others may be read-only). */
    private static boolean beingWritten(Path source) {
        if (!TornTail.isOurs(source)) return false;
        try {
            return TornTail.isBeingWritten(source);
        } catch (IOException e) {
            return false;
        }
    }

    /** A capture listed as a page in a whole-store export: an HTML response (or its revisit) with a 2xx status. */
    private Optional<WaczPage> pageOf(CaptureRow row, Optional<IndexDocuments> documents) {
        if (!ExportSelection.isHtml(row)) return Optional.empty();
        if (row.status() < 200 || row.status() >= 300) return Optional.empty();
        if (row.recordType() == RecordType.RESOURCE) return Optional.empty();
        String pageTitle = documents.flatMap(d -> d.title(row.id()))
                .or(() -> row.revisit()
                        ? index.resolveRevisit(row).flatMap(r -> documents.flatMap(d -> d.title(r.id())))
                        : Optional.empty())
                .orElse(null);
        return Optional.of(new WaczPage(row.url(), row.timestamp(), pageTitle));
    }

    private void writeProvenance(WaczZip zip) throws IOException {
        if (provenance == null) return;
        Object value = provenance.get();
        if (value == null) return;
        if (value instanceof byte[] raw) {
            try {
                WaczZip.JSON.readTree(raw);
            } catch (IOException e) {
                throw new IOException("the provenance given for " + PROVENANCE_PATH + " is not JSON: "
                        + e.getMessage(), e);
            }
            zip.putDeflated(PROVENANCE_PATH, out -> out.write(raw));
        } else {
            zip.putDeflated(PROVENANCE_PATH, out -> WaczZip.JSON.writerWithDefaultPrettyPrinter().writeValue(out, value));
        }
    }

    private Map<String, Object> metadata(List<String> urls, List<WaczPage> pages, Instant created) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("profile", "data-package");
        m.put("wacz_version", "1.1.1");
        m.put("title", title != null ? title
                : urls.isEmpty() ? "warctrail archive" : "warctrail export of " + String.join(", ", urls));
        if (!urls.isEmpty()) m.put("description", "Archived pages, what they need to replay"
                + (provenance != null ? ", and their provenance" : "") + ": " + String.join(" ", urls));
        m.put("created", created.truncatedTo(ChronoUnit.SECONDS).toString());
        m.put("software", SOFTWARE);
        if (!urls.isEmpty() && !pages.isEmpty()) {
            m.put("mainPageUrl", pages.get(0).url());
            m.put("mainPageDate", WaczPage.isoDate(pages.get(0).timestamp()));
        }
        return m;
    }
}
