package org.warctrail.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.DocumentExtractor;
import org.warctrail.ingest.ImportResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code reindex}: rebuild index.sqlite from the WARC files alone. */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = "Rebuild the index from the WARC files (cutting torn tails left by a crash). "
                + "Run it while no other warctrail command uses the store.")
public final class ReindexCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print the summary as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        ImportResult result;
        try (IndexProgress progress = new IndexProgress("reindex", spec.commandLine().getErr())) {
            // not Archives.open: that indexes new files first, and fails on a damaged index, which reindex repairs
            result = Archive.rebuild(store.dir(), progress::notice, DocumentExtractor.standard(), Archives.derivers(),
                    progress);
        }
        if (json) {
            out.println(new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(ImportCommand.toJson(result)));
        } else {
            out.printf("reindexed %d file(s): %d records, %d captures, %d documents, %d bad records%n",
                    result.files().size(), result.records(), result.captures(), result.documents(),
                    result.badRecords());
        }
        out.flush();
        return 0;
    }
}
