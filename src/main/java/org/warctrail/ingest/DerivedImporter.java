package org.warctrail.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.warctrail.extract.Document;
import org.warctrail.extract.Link;
import org.warctrail.extract.LinkKind;
import org.warctrail.extract.LinkPlace;
import org.warctrail.extract.Quote;
import org.warctrail.index.BadRecord;
import org.warctrail.index.CaptureIndex;
import org.warctrail.index.CaptureRow;
import org.warctrail.index.DerivedRows;
import org.warctrail.index.FileIndexReport;
import org.warctrail.index.IndexedFile;
import org.warctrail.index.RecordType;
import org.warctrail.store.WarcStore;

/**
 * {@code import --derived DIR}: loads a Spark job's output (JSON Lines: {@code --format json}) into the store.
 * Each WARC file the job read is registered where the job read it (as an in-place import: CDX rows point at the
 * original path, so the store replays from shared storage when it can read it), with the job's captures,
 * documents, links and quotes, nothing extracted again. Derived data (reuse, version flags) is then derived by
 * the store, so trace and chain answer as on a store built by {@code import}.
 */
public final class DerivedImporter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WarcStore store;
    private final CaptureIndex index;

    public DerivedImporter(WarcStore store, CaptureIndex index) {
        this.store = store;
        this.index = index;
    }

    public ImportResult importDerived(Path dir, Consumer<String> notices) throws IOException {
        Path captures = table(dir, "captures");
        Map<Long, List<Link>> links = new HashMap<>();
        lines(table(dir, "links"), n -> links.computeIfAbsent(n.get("documentId").asLong(), k -> new ArrayList<>())
                .add(new Link(text(n, "url"), text(n, "text"), text(n, "context"), LinkKind.parse(text(n, "kind")),
                        LinkPlace.parse(text(n, "place")))));
        Map<Long, List<Quote>> quotes = new HashMap<>();
        lines(table(dir, "quotes"), n -> quotes.computeIfAbsent(n.get("documentId").asLong(), k -> new ArrayList<>())
                .add(new Quote(text(n, "text"), text(n, "speaker"), n.path("start").asInt(), n.path("end").asInt())));
        Map<Long, Document> documents = new HashMap<>();
        lines(table(dir, "documents"), n -> {
            long id = n.get("documentId").asLong();
            List<String> authors = new ArrayList<>();
            n.path("authors").forEach(a -> authors.add(a.asText()));
            documents.put(id, new Document(text(n, "url"), text(n, "contentType"), text(n, "title"), text(n, "text"),
                    text(n, "published"), text(n, "modified"), authors, text(n, "lang"), text(n, "canonical"),
                    text(n, "siteName"), text(n, "description"), links.getOrDefault(id, List.of()),
                    quotes.getOrDefault(id, List.of()), text(n, "error")));
        });
        Map<String, List<JsonNode>> byFile = new TreeMap<>();
        lines(captures, n -> byFile.computeIfAbsent(text(n, "file"), k -> new ArrayList<>()).add(n));
        Map<String, List<BadRecord>> bad = new HashMap<>();
        lines(dir.resolve("errors"), n -> bad.computeIfAbsent(text(n, "file"), k -> new ArrayList<>())
                .add(new BadRecord(text(n, "file"), n.path("offset").asLong(), text(n, "reason"))));
        DerivedRows writer = new DerivedRows(index);
        List<ImportedFile> done = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> file : byFile.entrySet()) {
            List<JsonNode> nodes = file.getValue();
            nodes.sort(Comparator.comparingLong(n -> n.get("offset").asLong()));
            Path local = localPath(file.getKey());
            String name = local != null ? store.nameOf(local) : file.getKey();
            long end = nodes.stream().mapToLong(n -> n.get("offset").asLong() + n.path("length").asLong()).max().orElse(0);
            long size = local != null ? Files.size(local) : end;
            long mtime = local != null ? Files.getLastModifiedTime(local).toMillis() : 0;
            if (local == null) notices.accept(file.getKey() + ": not readable here; its captures are indexed, replay "
                    + "needs the file");
            IndexedFile registered = index.registerFile(name, size, mtime, null, file.getKey());
            List<CaptureRow> rows = new ArrayList<>();
            List<Document> docs = new ArrayList<>();
            long documentCount = 0;
            for (JsonNode n : nodes) {
                rows.add(row(n, name));
                Document d = n.hasNonNull("documentId") ? documents.get(n.get("documentId").asLong()) : null;
                if (d != null) documentCount++;
                docs.add(d);
            }
            long added = writer.write(registered, rows, docs, size, mtime);
            List<BadRecord> fileBad = bad.getOrDefault(file.getKey(), List.of());
            done.add(new ImportedFile(file.getKey(), name, added == 0 && !rows.isEmpty(),
                    new FileIndexReport(name, rows.size() + fileBad.size(), added, documentCount, 0, fileBad, 0, size)));
        }
        return new ImportResult(done);
    }

    private static CaptureRow row(JsonNode n, String file) {
        return new CaptureRow(0, text(n, "surt"), text(n, "timestamp"), text(n, "url"), n.path("status").asInt(),
                text(n, "mime"), text(n, "digest"), RecordType.of(text(n, "recordType")), n.get("offset").asLong(),
                n.path("length").asLong(), file, text(n, "recordId"), text(n, "redirect"), text(n, "refersToUrl"),
                text(n, "refersToTimestamp"), text(n, "method"), text(n, "requestBody"));
    }

    /** The local file a job's file name is, or null when it is not here (hdfs:, s3a:, another machine's path). */
    private static Path localPath(String file) {
        Path p = file.startsWith("file:") ? Path.of(java.net.URI.create(file)) : file.contains(":") ? null : Path.of(file);
        return p != null && Files.isRegularFile(p) ? p : null;
    }

    private static Path table(Path dir, String name) throws IOException {
        Path table = dir.resolve(name);
        if (!Files.isDirectory(table)) {
            throw new NoSuchFileException(table.toString(), null, "not a table of the Spark job's output");
        }
        try (Stream<Path> files = Files.list(table)) {
            if (files.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"))) {
                throw new IOException(table + " holds Parquet: import --derived reads the job's JSON Lines output "
                        + "(run the job with --format json)");
            }
        }
        return table;
    }

    /** Each JSON object of a table folder's part files (one a line), in file order. */
    private static void lines(Path table, Consumer<JsonNode> each) throws IOException {
        if (!Files.isDirectory(table)) return;
        List<Path> parts;
        try (Stream<Path> files = Files.list(table)) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        for (Path part : parts) {
            try (BufferedReader in = Files.newBufferedReader(part)) {
                String line;
                long number = 0;
                while ((line = in.readLine()) != null) {
                    number++;
                    if (line.isBlank()) continue;
                    try {
                        each.accept(JSON.readTree(line));
                    } catch (IOException e) {
                        throw new IOException(part + ", line " + number + ": not a JSON object: " + e.getMessage(), e);
                    }
                }
            }
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
