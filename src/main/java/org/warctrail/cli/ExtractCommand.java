package org.warctrail.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;
import org.warctrail.extract.Document;
import org.warctrail.extract.Extractor;
import org.warctrail.extract.Link;
import org.warctrail.extract.Quote;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code warctrail extract [--json] [--url URL] FILE...}: runs the extractor on local files, without archiving. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Extract text, metadata, links and quotes from local files (.html, .htm, .html.gz, .pdf, .txt, ...) without archiving them.")
public final class ExtractCommand implements Callable<Integer> {
    /** A .gz file may expand to at most this much: a guard against decompression bombs. */
    static final long MAX_DECOMPRESSED = 256L * 1024 * 1024;

    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "One JSON object per file per line.")
    boolean json;

    @Option(names = "--url", paramLabel = "URL", description = "The URL the files were fetched from (resolves relative links; default: the file's file: URL).")
    String url;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to extract; .gz files are decompressed.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // POI logs through log4j-api, which with no provider prints a status line to stdout and so breaks
        // the one-object-per-line JSON; log4j-to-slf4j on the classpath would be the lasting fix.
        if (System.getProperty("log4j2.statusLoggerLevel") == null) System.setProperty("log4j2.statusLoggerLevel", "OFF");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Extractor extractor = new Extractor();
        int failures = 0;
        // Extraction is a pure function of the bytes: files are read and extracted on every core, and printed in
        // the order given, with a bounded number in flight so that memory does not grow with the file list.
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "extract");
            t.setDaemon(true);
            return t;
        });
        try {
            Deque<Future<Extracted>> inFlight = new ArrayDeque<>();
            for (Path file : files) {
                inFlight.add(pool.submit(() -> extract(extractor, file)));
                if (inFlight.size() >= 2 * threads) failures += print(inFlight.poll(), out, err);
            }
            while (!inFlight.isEmpty()) failures += print(inFlight.poll(), out, err);
        } finally {
            pool.shutdownNow();
        }
        return failures == 0 ? 0 : 1;
    }

    /** One file's outcome: its document, or why it could not be read. */
    private record Extracted(Path file, Document document, String error) {
    }

    private Extracted extract(Extractor extractor, Path file) {
        byte[] payload;
        try {
            payload = read(file);
        } catch (IOException e) {
            return new Extracted(file, null, Failure.describe(e));
        }
        String name = file.getFileName().toString();
        String pageUrl = url != null ? url : file.toAbsolutePath().normalize().toUri().toString().replaceAll("(?i)\\.gz$", "");
        Document doc = extractor.extract(pageUrl, typeOf(name), payload);
        if (doc == null) {
            doc = new Document(pageUrl, null, null, null, null, null, null, null, null, null, null, null, null,
                    "not a document: " + file);
        }
        return new Extracted(file, doc, null);
    }

    /** Prints one file's outcome when it is ready; returns 1 when it failed. */
    private int print(Future<Extracted> pending, PrintWriter out, PrintWriter err) {
        Extracted e;
        try {
            e = pending.get();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", interrupted);
        } catch (ExecutionException failed) {
            err.println("warctrail: extraction failed: " + failed.getCause());
            return 1;
        }
        if (e.error() != null) {
            err.println("warctrail: " + e.error());
            return 1;
        }
        if (json) writeJson(out, e.file().toString(), e.document());
        else summary(out, e.file().toString(), e.document());
        out.flush();
        return 0;
    }

    /** The content type the file name implies, or null to let the extractor sniff. */
    static String typeOf(String name) {
        String n = name.toLowerCase(Locale.ROOT).replaceAll("\\.gz$", "");
        if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml") || n.endsWith(".shtml")) return "text/html";
        if (n.endsWith(".txt")) return "text/plain";
        return null;
    }

    private static byte[] read(Path file) throws IOException {
        if (Files.isDirectory(file)) throw new IOException(file + " is a directory; extract reads files (give the files in it)");
        if (Files.exists(file) && !Files.isRegularFile(file)) throw new IOException(file + " is not a regular file");
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")) return Files.readAllBytes(file);
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(chunk)) > 0; ) {
                total += n;
                if (total > MAX_DECOMPRESSED) throw new IOException(file + ": decompresses to more than " + MAX_DECOMPRESSED + " bytes");
                buf.write(chunk, 0, n);
            }
            return buf.toByteArray();
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a valid gzip file (" + e.getMessage() + ")", e);
        }
    }

    /** The extract JSON of DESIGN.md, a line: file, url, title, text, published, modified, authors, lang, canonical, links, quotes. */
    static void writeJson(PrintWriter out, String file, Document d) {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringField("file", file);
            g.writeStringField("url", d.url());
            g.writeStringField("title", d.title());
            g.writeStringField("text", d.text());
            g.writeStringField("published", d.published());
            g.writeStringField("modified", d.modified());
            g.writeArrayFieldStart("authors");
            for (String author : d.authors()) g.writeString(author);
            g.writeEndArray();
            g.writeStringField("lang", d.lang());
            g.writeStringField("canonical", d.canonical());
            g.writeArrayFieldStart("links");
            for (Link l : d.links()) {
                g.writeStartObject();
                g.writeStringField("url", l.url());
                g.writeStringField("text", l.text());
                g.writeStringField("context", l.context());
                g.writeStringField("kind", l.kind().label());
                g.writeStringField("place", l.place().label());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("quotes");
            for (Quote q : d.quotes()) {
                g.writeStartObject();
                g.writeStringField("text", q.text());
                g.writeStringField("speaker", q.speaker());
                g.writeEndObject();
            }
            g.writeEndArray();
            if (d.error() != null) g.writeStringField("error", d.error());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write JSON for " + file, e);
        }
        out.println();
    }

    private static void summary(PrintWriter out, String file, Document d) {
        out.println("== " + file);
        if (d.error() != null) out.println("error:     " + d.error());
        out.println("title:     " + orDash(d.title()));
        out.println("url:       " + orDash(d.url()));
        out.println("published: " + orDash(d.published()) + "   modified: " + orDash(d.modified()));
        out.println("authors:   " + (d.authors().isEmpty() ? "-" : String.join("; ", d.authors())));
        out.println("lang:      " + orDash(d.lang()) + "   canonical: " + orDash(d.canonical()));
        String text = d.text() == null ? "" : d.text();
        out.println("text:      " + d.paragraphs().size() + " paragraphs, " + (text.isBlank() ? 0 : text.split("\\s+").length) + " words");
        if (!text.isEmpty()) out.println("           " + (text.length() > 300 ? text.substring(0, 300).replace("\n\n", " ¶ ") + "…" : text.replace("\n\n", " ¶ ")));
        Map<String, Integer> kinds = new TreeMap<>();
        d.links().forEach(l -> kinds.merge(l.kind().label(), 1, Integer::sum));
        out.println("links:     " + d.links().size() + (kinds.isEmpty() ? "" : " " + kinds));
        d.links().stream().filter(l -> l.kind().isSource())
                .forEach(l -> out.println("  " + l.kind().label() + ": " + l.url() + (l.text().isEmpty() ? "" : "  \"" + l.text() + "\"")));
        out.println("quotes:    " + d.quotes().size());
        for (Quote q : d.quotes()) {
            String t = q.text().length() > 100 ? q.text().substring(0, 100) + "…" : q.text();
            out.println("  “" + t + "”" + (q.speaker() == null ? "" : " — " + q.speaker()));
        }
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
