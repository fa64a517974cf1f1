package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.LikelyOrigin;
import org.warctrail.provenance.Trace;
import org.warctrail.provenance.TraceHop;
import org.warctrail.provenance.TraceMatch;
import org.warctrail.provenance.TraceOrigin;
import org.warctrail.provenance.UnarchivedLink;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code trace [--json] [--capture-missing] "QUOTE"}: every capture containing a quote, its origin, the paths. */
@Command(name = "trace", mixinStandardHelpOptions = true,
        description = "Every archived capture that contains a quote (tolerant of quotation marks, dashes, case, "
                + "line breaks and small edits, scored 1.0 for the exact words), its origin, the path of links from "
                + "each capture to the origin, the likely origin when most captures cite one source next to the quote that is "
                + "not archived, and links near the quote in the origin that are not archived.")
public final class TraceCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print the trace as JSON.")
    boolean json;

    @Mixin
    CaptureMissingOptions missing;

    @Parameters(paramLabel = "QUOTE", arity = "1..*", description = "The quote (words may be given unquoted).")
    List<String> words;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String quote = String.join(" ", words);
        PrintWriter out = spec.commandLine().getOut();
        Trace trace;
        try (Archive archive = Archives.openForReading(store.dir(), m -> spec.commandLine().getErr().println("warctrail: " + m))) {
            ArchiveProvenance provenance = new ArchiveProvenance(archive.index());
            trace = provenance.trace(quote);
            List<String> toCapture = new ArrayList<>();
            LikelyOrigin likely = trace.likelyOrigin();
            if (likely != null && (missing.retryDead || !likely.dead())) toCapture.add(likely.url());
            trace.unarchived().stream().filter(l -> missing.retryDead || !l.dead()).map(UnarchivedLink::url)
                    .filter(u -> !toCapture.contains(u)).forEach(toCapture::add);
            if (missing.captureMissing && !toCapture.isEmpty()) {
                MissingSources.capture(archive, toCapture, missing, spec.commandLine().getErr());
                trace = provenance.trace(quote);
            }
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(trace));
        } else {
            print(trace, out);
        }
        out.flush();
        return 0;
    }

    static void print(Trace trace, PrintWriter out) {
        if (trace.matches().isEmpty()) {
            out.println("no archived capture contains \"" + trace.quote() + "\"");
            return;
        }
        for (TraceMatch m : trace.matches()) {
            out.printf(Locale.ROOT, "%.3f  %s  %s%s%s%n", m.score(), m.timestamp(), m.url(),
                    m.published() != null ? "  published " + m.published() : "",
                    m.speaker() != null ? "  (" + m.speaker() + ")" : "");
            out.println("       " + m.context());
        }
        String why = switch (trace.origin().reason()) {
            case TraceOrigin.LINKS -> "the other matches link to it";
            case TraceOrigin.EARLIEST_PUBLISHED -> "earliest published; no links connect the matches";
            case TraceOrigin.EARLIEST_CAPTURED -> "earliest captured; no links connect the matches, no dates";
            default -> trace.origin().reason().replace('_', ' ');
        };
        out.println("origin: " + trace.origin().url() + " " + trace.origin().timestamp() + " (" + why + ")");
        for (List<TraceHop> path : trace.paths()) {
            out.println("  " + path.get(0).from() + path.stream().map(h -> " -" + h.kind() + "-> " + h.to())
                    .collect(Collectors.joining()));
        }
        LikelyOrigin likely = trace.likelyOrigin();
        if (likely != null) {
            out.println("likely origin, not archived: " + likely.url() + " — cited next to the quote by "
                    + likely.citedBy() + " of " + likely.of() + " pages"
                    + (likely.dead() ? " [captured: " + ChainCommand.statusText(likely.lastStatus()) + " on "
                    + likely.lastAttempt() + "; --capture-missing --retry-dead tries it again]"
                    : " (--capture-missing captures it)"));
            for (String page : likely.pages()) out.println("  cited by " + page);
        }
        if (!trace.unarchived().isEmpty()) {
            boolean anyUntried = trace.unarchived().stream().anyMatch(l -> !l.dead());
            boolean anyDead = trace.unarchived().stream().anyMatch(UnarchivedLink::dead);
            out.println("not archived, near the quote in the origin ("
                    + (anyUntried ? "--capture-missing captures those never captured" : "")
                    + (anyUntried && anyDead ? "; " : "")
                    + (anyDead ? "--capture-missing --retry-dead tries the dead ones again" : "") + "):");
            for (UnarchivedLink l : trace.unarchived()) {
                out.println("  " + l.url() + (l.dead() ? "  [captured: " + ChainCommand.statusText(l.lastStatus())
                        + " on " + l.lastAttempt() + "]" : "")
                        + (l.text() != null && !l.text().isBlank() ? "  \"" + l.text().strip() + "\"" : ""));
            }
        }
        out.println(trace.matches().size() + " capture(s)");
    }
}
