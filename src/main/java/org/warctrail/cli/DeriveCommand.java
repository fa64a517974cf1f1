package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.DerivationStatus;
import org.warctrail.index.Derivations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code derive [--retry] [--json]}: compute the derived data still pending, and with --retry the failed too. */
@Command(name = "derive", mixinStandardHelpOptions = true,
        description = "Compute the derived data (text reuse, version flags) still pending; with --retry, also try "
                + "the captures that failed again (after a fix).")
public final class DeriveCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--retry", description = "Queue the failed captures again first.")
    boolean retry;

    @Option(names = "--json", description = "Print the outcome and the status as JSON.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Derivations.Outcome outcome;
        DerivationStatus status;
        // opened without catching up, so that the counts are this command's work
        try (Archive archive = Archives.openForReading(store.dir(), m -> err.println("warctrail: " + m))) {
            outcome = retry ? archive.derivations().retry() : archive.derivations().run();
            status = archive.derivations().status();
        }
        if (json) {
            ObjectNode root = new ObjectMapper().createObjectNode();
            root.put("derived", outcome.derived());
            root.put("failedNow", outcome.failed());
            root.set("status", StatusCommand.toJson(status));
            out.println(new ObjectMapper().writeValueAsString(root));
        } else {
            out.printf("derived %d capture(s), %d failed; %d pending, %d failed in all%n", outcome.derived(),
                    outcome.failed(), status.pending(), status.failed());
        }
        out.flush();
        if (status.failureNotice() != null) err.println("warctrail: " + status.failureNotice());
        return 0;
    }
}
