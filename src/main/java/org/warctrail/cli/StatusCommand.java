package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.DerivationFailure;
import org.warctrail.index.DerivationStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code status [--json]}: how far derived data (reuse, version flags) has come, and why some failed. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Counts of captures whose derived data (text reuse, version flags) is done, pending or "
                + "failed, with the reason of each failure. `derive --retry` tries the failed ones again.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print the status as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        DerivationStatus status;
        try (Archive archive = Archives.openForReading(store.dir(),
                m -> spec.commandLine().getErr().println("warctrail: " + m))) {
            status = archive.derivations().status();
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(toJson(status)));
        } else {
            out.printf("derived data: %d done, %d pending, %d failed%n", status.done(), status.pending(),
                    status.failed());
            for (DerivationFailure f : status.failures()) {
                out.printf("  failed: %s %s (%d attempt%s): %s%n", f.timestamp(), f.url(), f.attempts(),
                        f.attempts() == 1 ? "" : "s", f.reason());
            }
            if (status.failures().size() < status.failed()) {
                out.printf("  ... and %d more%n", status.failed() - status.failures().size());
            }
        }
        out.flush();
        return 0;
    }

    /** {@code {"done", "pending", "failed", "failures": [{"url", "timestamp", "reason", "attempts"}]}}. */
    static ObjectNode toJson(DerivationStatus status) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("done", status.done());
        root.put("pending", status.pending());
        root.put("failed", status.failed());
        ArrayNode failures = root.putArray("failures");
        for (DerivationFailure f : status.failures()) {
            failures.addObject().put("url", f.url()).put("timestamp", f.timestamp()).put("reason", f.reason())
                    .put("attempts", f.attempts());
        }
        return root;
    }
}
