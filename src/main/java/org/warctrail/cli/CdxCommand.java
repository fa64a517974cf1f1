package org.warctrail.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.CdxLines;
import org.warctrail.index.CdxOrder;
import org.warctrail.index.CdxQuery;
import org.warctrail.index.MatchType;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code cdx [--format cdxj|cdx] [--match ...] [URL]}: the capture index as pywb and OpenWayback read it. */
@Command(name = "cdx", mixinStandardHelpOptions = true,
        description = "Print the capture index: CDXJ as pywb writes it, or CDX11 as OpenWayback reads it.")
public final class CdxCommand implements Callable<Integer> {
    enum Format { cdxj, cdx }

    @Mixin
    StoreOption store;

    @Option(names = "--format", defaultValue = "cdxj", description = "cdxj or cdx (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--match", defaultValue = "exact",
            description = "How URL matches: exact, prefix, host or domain (default: ${DEFAULT-VALUE}).")
    String match;

    @Option(names = "--from", paramLabel = "TIMESTAMP", description = "Earliest capture (1 to 14 digits).")
    String from;

    @Option(names = "--to", paramLabel = "TIMESTAMP", description = "Latest capture (1 to 14 digits).")
    String to;

    @Option(names = "--limit", defaultValue = "0", description = "At most this many lines (0: all).")
    int limit;

    @Option(names = "--reverse", description = "Newest first.")
    boolean reverse;

    @Parameters(paramLabel = "URL", arity = "0..1", description = "Only captures of this URL (see --match).")
    String url;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        MatchType matchType = MatchType.parse(match);
        if (from != null) org.warctrail.index.SurtKey.padLow(from);
        if (to != null) org.warctrail.index.SurtKey.padHigh(to);
        if (limit < 0) throw new IllegalArgumentException("--limit must not be negative: " + limit);
        PrintWriter out = spec.commandLine().getOut();
        try (Archive archive = Archives.open(store.dir(), m -> spec.commandLine().getErr().println("warctrail: " + m))) {
            if (format == Format.cdx) out.println(CdxLines.CDX11_HEADER);
            // the index orders by CDXJ line; CDX11 lines of one URL and second are ordered by their own bytes
            CdxOrder order = new CdxOrder(format == Format.cdx ? CdxLines::cdx11 : CdxLines::cdxj, reverse, 0,
                    (row, line) -> out.println(line));
            archive.index().cdx(new CdxQuery(url, matchType, from, to, limit, reverse), order::accept);
            order.finish();
        }
        out.flush();
        return 0;
    }
}
