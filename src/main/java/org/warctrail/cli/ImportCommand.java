package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.BadRecord;
import org.warctrail.index.FileIndexReport;
import org.warctrail.ingest.ImportOptions;
import org.warctrail.ingest.ImportResult;
import org.warctrail.ingest.ImportedFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code import [--in-place] [--json] FILE|DIR...}: bring other tools' WARC, ARC and WACZ files into the store. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Import WARC (plain, .gz, .zst), ARC (plain, .gz) and WACZ files, or directories of them, "
                + "into the store and index them. Unreadable records are reported and skipped.")
public final class ImportCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--in-place", description = "Index the files where they lie instead of copying them into the store.")
    boolean inPlace;

    @Option(names = "--max-expanded", paramLabel = "BYTES", defaultValue = "34359738368",
            description = "Most bytes one file may expand to when it must be decompressed (a WACZ entry, a "
                    + "whole-file gzip); a bomb stops there and is reported (default: ${DEFAULT-VALUE}).")
    long maxExpanded;

    @Option(names = "--max-ratio", paramLabel = "N", defaultValue = "100",
            description = "Most a decompressed file may expand by, past its first 16 MiB (default: ${DEFAULT-VALUE}).")
    int maxRatio;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Option(names = "--derived", paramLabel = "DIR", description = "Load the output of the Spark job "
            + "(warctrail-spark.jar --format json) instead: its captures, documents, links and quotes, with CDX rows "
            + "pointing at the WARC files where the job read them.")
    Path derived;

    @Parameters(paramLabel = "FILE|DIR", arity = "0..*", description = "Files or directories to import.")
    List<Path> inputs = List.of();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (derived == null && inputs.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give FILE|DIR to import, or --derived DIR");
        }
        if (derived != null && !inputs.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--derived DIR takes no FILE|DIR");
        }
        for (Path p : inputs) {
            if (!Files.exists(p)) throw new NoSuchFileException(p.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        ImportResult result;
        String underived;
        try (IndexProgress progress = new IndexProgress("import", spec.commandLine().getErr());
             Archive archive = Archives.open(store.dir(), progress::notice)) {
            result = derived != null ? archive.importDerived(derived)
                    : archive.importFiles(inputs, new ImportOptions(inPlace, maxExpanded, maxRatio), progress);
            underived = archive.derivations().status().failureNotice();
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(result)));
        } else {
            for (ImportedFile f : result.files()) out.println(summary(f));
            long unreadable = result.files().stream().filter(ImportCommand::unreadable).count();
            out.printf("imported %d file(s)%s: %d records, %d captures, %d documents, %d bad records%n",
                    result.files().stream().filter(f -> !f.duplicate() && !unreadable(f)).count(),
                    unreadable == 0 ? "" : " (" + unreadable + " could not be read)", result.records(),
                    result.captures(), result.documents(), result.badRecords());
        }
        out.flush();
        if (underived != null) spec.commandLine().getErr().println("warctrail: " + underived);
        if (result.diskFull()) {
            spec.commandLine().getErr().println("warctrail: the disk is full; the import stopped (see above)");
            return 1;
        }
        return 0;
    }

    /** A file of which nothing could be read (a bomb, a file that is not what it seems): only its reason. */
    static boolean unreadable(ImportedFile f) {
        return !f.duplicate() && f.report().records() == 0 && !f.report().badRecords().isEmpty();
    }

    static String summary(ImportedFile f) {
        if (unreadable(f)) return f.source() + ": not imported: " + f.report().badRecords().get(0).reason();
        FileIndexReport r = f.report();
        if (f.duplicate()) return f.source() + ": already in the store as " + f.storedAs() + "; nothing added";
        return f.source() + " -> " + f.storedAs() + ": " + r.records() + " records, " + r.captures() + " captures, "
                + r.documents() + " documents, " + (r.badRecords().size() + r.extractionErrors()) + " errors";
    }

    static ObjectNode toJson(ImportResult result) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (ImportedFile f : result.files()) {
            FileIndexReport r = f.report();
            ObjectNode n = files.addObject();
            n.put("file", f.source());
            n.put("storedAs", f.storedAs());
            n.put("duplicate", f.duplicate());
            n.put("records", r.records());
            n.put("captures", r.captures());
            n.put("documents", r.documents());
            n.put("extractionErrors", r.extractionErrors());
            ArrayNode bad = n.putArray("badRecords");
            for (BadRecord b : r.badRecords()) {
                bad.addObject().put("file", b.file()).put("offset", b.offset()).put("reason", b.reason());
            }
        }
        root.put("records", result.records());
        root.put("captures", result.captures());
        root.put("documents", result.documents());
        root.put("badRecords", result.badRecords());
        root.put("diskFull", result.diskFull());
        return root;
    }
}
