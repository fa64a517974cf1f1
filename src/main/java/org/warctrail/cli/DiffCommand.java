package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.versions.ArchivedVersions;
import org.warctrail.versions.DiffText;
import org.warctrail.versions.VersionDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code diff [--json] URL [--from TS] [--to TS]}: what changed between two captures of a URL. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "What changed between two captures of a URL (default: the two latest that did not fail): "
                + "headline and metadata, numbers, quotes, links, and the paragraphs word by word.")
public final class DiffCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print the diff as JSON (the /api/diff document).")
    boolean json;

    @Option(names = "--from", paramLabel = "TS", description = "The older capture: the one nearest this timestamp "
            + "(1 to 14 digits, yyyyMMddHHmmss).")
    String from;

    @Option(names = "--to", paramLabel = "TS", description = "The newer capture: the one nearest this timestamp.")
    String to;

    @Parameters(paramLabel = "URL", description = "An archived URL.")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        VersionDiff diff;
        try (Archive archive = Archives.openForReading(store.dir(), m -> spec.commandLine().getErr().println("warctrail: " + m))) {
            diff = new ArchivedVersions(archive.index()).diff(url, from, to);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) out.println(new ObjectMapper().writeValueAsString(diff));
        else out.print(DiffText.render(diff));
        out.flush();
        return 0;
    }
}
