package org.warctrail.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.provenance.ArchiveProvenance;
import org.warctrail.provenance.Chain;
import org.warctrail.provenance.ChainEdge;
import org.warctrail.provenance.ChainNode;
import org.warctrail.provenance.ChainWalker;
import org.warctrail.provenance.UrlKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code chain [--json] [--depth N] [--capture-missing] URL}: the provenance graph from a page to its sources. */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "The provenance graph from an archived page towards its origins: source links (continuation, "
                + "citation, attribution, image credit, canonical, syndication), redirects and reused text, each "
                + "target at its capture nearest in time. Linked sources that are not archived are shown as gaps.")
public final class ChainCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print the chain as JSON.")
    boolean json;

    @Option(names = "--depth", paramLabel = "N", defaultValue = "" + ChainWalker.DEFAULT_DEPTH,
            description = "Hops to follow; redirects do not count (default: ${DEFAULT-VALUE}).")
    int depth;

    @Mixin
    CaptureMissingOptions missing;

    @Parameters(paramLabel = "URL", description = "An archived page.")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (depth < 0) throw new IllegalArgumentException("--depth must not be negative: " + depth);
        PrintWriter out = spec.commandLine().getOut();
        Chain chain;
        java.util.function.Consumer<String> notices = m -> spec.commandLine().getErr().println("warctrail: " + m);
        // a read, unless it captures what is missing
        try (Archive archive = missing.captureMissing ? Archives.open(store.dir(), notices)
                : Archives.openForReading(store.dir(), notices)) {
            ArchiveProvenance provenance = new ArchiveProvenance(archive.index());
            chain = provenance.chain(url, depth);
            PrintWriter err = spec.commandLine().getErr();
            ChainNode root = chain.nodes().get(0);
            if (!root.archived() && missing.captureMissing && (!root.dead() || missing.retryDead)) {
                MissingSources.capture(archive, List.of(url), missing, err);
                chain = provenance.chain(url, depth);
                root = chain.nodes().get(0);
            }
            if (!root.archived()) {
                throw new IllegalArgumentException(root.dead() ? url + " was captured only as " + root.lastStatus()
                        + " at " + root.lastAttempt() + "; there is no page to start from"
                        + (missing.retryDead ? "" : " (--capture-missing --retry-dead tries it again)")
                        : "not in the archive: " + url);
            }
            // Each round archives one more level of sources, whose own sources then show as gaps.
            Set<String> tried = new HashSet<>();
            for (int round = 0; missing.captureMissing && round <= depth; round++) {
                List<String> gaps = (missing.retryDead ? chain.gaps() : chain.untried()).stream().map(ChainNode::url)
                        .filter(u -> tried.add(UrlKey.of(u))).toList();
                if (gaps.isEmpty()) break;
                MissingSources.capture(archive, gaps, missing, err);
                chain = provenance.chain(url, depth);
            }
        }
        if (json) {
            out.println(new ObjectMapper().writeValueAsString(chain));
        } else {
            print(chain, out);
        }
        out.flush();
        return 0;
    }

    static void print(Chain chain, PrintWriter out) {
        ChainNode root = chain.nodes().get(0);
        out.println(root.url() + (root.title() != null ? "  " + root.title() : ""));
        for (ChainEdge e : chain.edges()) {
            String status = e.status() != null ? " " + e.status() : "";
            String share = e.share() != null ? String.format(java.util.Locale.ROOT, " %.0f%%", e.share() * 100) : "";
            String text = e.text() != null && !e.text().isBlank() ? "  \"" + e.text().strip() + "\"" : "";
            out.println("  " + e.from() + "\n    --" + e.kind() + status + share + "--> " + e.to() + text);
        }
        out.println();
        for (ChainNode n : chain.nodes()) {
            out.println((n.archived() ? "  " : "! ") + n.url() + "  [" + state(n) + "]"
                    + (n.site() != null ? " " + n.site() : "") + (n.published() != null ? ", published " + n.published() : "")
                    + (n.title() != null ? "\n      " + n.title() : ""));
        }
        List<ChainNode> untried = chain.untried();
        List<ChainNode> dead = chain.dead();
        out.println(chain.nodes().size() + " page(s), " + chain.edges().size() + " edge(s)"
                + (untried.isEmpty() ? "" : ", " + untried.size() + " source(s) never captured (--capture-missing captures them)")
                + (dead.isEmpty() ? "" : ", " + dead.size() + " source(s) dead when captured"
                + " (--capture-missing --retry-dead tries them again)"));
    }

    /** "captured 20160921..20170101", "captured: 404 not found on 20211001100000", "NOT ARCHIVED". */
    static String state(ChainNode n) {
        if (n.dead()) return "captured: " + statusText(n.lastStatus()) + " on " + n.lastAttempt();
        if (!n.archived()) return "NOT ARCHIVED";
        String span = "captured " + n.firstCapture() + (n.lastCapture().equals(n.firstCapture()) ? "" : ".." + n.lastCapture());
        boolean laterFailure = n.lastStatus() != null && n.lastAttempt() != null
                && (n.lastStatus() < 200 || n.lastStatus() >= 300);
        return laterFailure ? span + "; latest capture: " + statusText(n.lastStatus()) + " on "
                + n.lastAttempt() : span;
    }

    /** A status with what it means for a source: "404 not found", "301 redirect", "503 server error". */
    static String statusText(int status) {
        String meaning = switch (status) {
            case 404 -> "not found";
            case 410 -> "gone";
            case 401, 403 -> "forbidden";
            case 451 -> "unavailable for legal reasons";
            default -> status >= 500 ? "server error" : status >= 400 ? "client error"
                    : status >= 300 ? "redirect" : "";
        };
        return meaning.isEmpty() ? String.valueOf(status) : status + " " + meaning;
    }
}
