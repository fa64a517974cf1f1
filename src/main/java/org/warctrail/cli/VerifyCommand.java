package org.warctrail.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.app.StoreVerifier;
import org.warctrail.export.WaczVerifier;
import org.warctrail.index.FileVerification;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code verify [--json] [FILE.wacz]}: fixity. Without a file, every record of the store is read back and checked
 * (gzip, digests, the index's rows); with a WACZ, its resources' hashes and its signature. Exits 1 on any damage.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check that every WARC record of the store is intact (gzip, block and payload digests, the "
                + "index's offsets), or that a WACZ package matches its hashes and signature. Exits 1 on damage.")
public final class VerifyCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print the report as JSON.")
    boolean json;

    @Parameters(paramLabel = "FILE.wacz", arity = "0..1", description = "A WACZ package to check instead of the store.")
    Path wacz;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try {
            return wacz != null ? verifyWacz(out) : verifyStore(out);
        } finally {
            out.flush();
        }
    }

    private int verifyWacz(PrintWriter out) throws IOException {
        WaczVerifier.Outcome o = WaczVerifier.verify(wacz);
        if (json) {
            try (JsonGenerator g = JsonOutput.generator(out)) {
                g.writeStartObject();
                g.writeStringField("file", o.file().toString());
                g.writeBooleanField("intact", o.intact());
                g.writeNumberField("resources", o.resources());
                g.writeBooleanField("signed", o.signed());
                g.writeStringField("signer", o.signer());
                g.writeStringField("created", o.created());
                g.writeArrayFieldStart("problems");
                for (String p : o.problems()) g.writeString(p);
                g.writeEndArray();
                g.writeEndObject();
            }
            out.println();
        } else {
            for (String p : o.problems()) out.println("damaged: " + p);
            String signature = o.signed() ? "signed by " + o.signer() + (o.created() != null ? " on " + o.created() : "")
                    : "not signed";
            out.printf("%s: %d resources, %s: %s%n", o.file(), o.resources(), signature,
                    o.intact() ? "intact" : o.problems().size() + " problem(s)");
        }
        return o.intact() ? 0 : 1;
    }

    private int verifyStore(PrintWriter out) throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        try (Archive archive = Archives.openForReading(store.dir(), m -> err.println("warctrail: " + m))) {
            StoreVerifier verifier = new StoreVerifier(archive.store(), archive.index());
            StoreVerifier.Outcome outcome;
            if (json) {
                try (JsonGenerator g = JsonOutput.generator(out)) {
                    g.writeStartObject();
                    g.writeStringField("store", archive.store().dir().toString());
                    g.writeArrayFieldStart("damage");
                    List<FileVerification> files = new ArrayList<>(); // one line per file, not per record
                    outcome = verifier.verify(new StoreVerifier.Listener() {
                        @Override
                        public void damage(StoreVerifier.Damage d) {
                            try {
                                g.writeStartObject();
                                g.writeStringField("file", d.file());
                                if (d.offset() >= 0) g.writeNumberField("offset", d.offset());
                                else g.writeNullField("offset");
                                g.writeStringField("url", d.url());
                                g.writeStringField("what", d.what());
                                g.writeEndObject();
                                g.flush();
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }

                        @Override
                        public void fileDone(FileVerification file) {
                            files.add(file);
                        }
                    });
                    g.writeEndArray();
                    g.writeArrayFieldStart("files");
                    for (FileVerification f : files) {
                        g.writeStartObject();
                        g.writeStringField("file", f.file());
                        g.writeNumberField("records", f.records());
                        g.writeNumberField("damaged", f.damaged());
                        g.writeNumberField("bytes", f.bytes());
                        g.writeStringField("verified", f.verified());
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    g.writeNumberField("records", outcome.records());
                    g.writeNumberField("damaged", outcome.damaged());
                    g.writeNumberField("bytes", outcome.bytes());
                    g.writeBooleanField("intact", outcome.intact());
                    g.writeEndObject();
                }
                out.println();
            } else {
                outcome = verifier.verify(new StoreVerifier.Listener() {
                    @Override
                    public void damage(StoreVerifier.Damage d) {
                        out.println("damaged: " + d);
                        out.flush();
                    }

                    @Override
                    public void fileDone(FileVerification file) {
                    }
                });
                out.printf("%d WARC file(s), %d records, %d bytes: %s%n", outcome.files(), outcome.records(),
                        outcome.bytes(), outcome.intact() ? "intact" : outcome.damaged() + " damaged");
            }
            return outcome.intact() ? 0 : 1;
        }
    }
}
