package org.warctrail.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.warctrail.app.Archive;
import org.warctrail.app.Archives;
import org.warctrail.index.SearchHit;
import org.warctrail.index.SearchOptions;
import org.warctrail.index.SearchResult;
import org.warctrail.index.SnippetText;
import org.warctrail.index.SurtKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code search [--json] [--site HOST] [--from DATE] [--to DATE] [--limit N] QUERY}: full-text search. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Full-text search over archived documents, best first, newest capture per URL. "
                + "Words are matched as typed; \"a phrase\", OR, NOT (or -word) and word* work.")
public final class SearchCommand implements Callable<Integer> {
    @Mixin
    StoreOption store;

    @Option(names = "--json", description = "Print results as JSON.")
    boolean json;

    @Option(names = "--site", paramLabel = "HOST", description = "Only pages of this host and its subdomains.")
    String site;

    @Option(names = "--from", paramLabel = "DATE", description = "Captured on or after (2024, 2024-05-01, 20240501...).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Captured on or before.")
    String to;

    @Option(names = "--limit", defaultValue = "20", description = "At most this many results (default: ${DEFAULT-VALUE}).")
    int limit;

    @Parameters(paramLabel = "QUERY", arity = "1..*", description = "What to look for.")
    List<String> words;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 1) throw new IllegalArgumentException("--limit must be at least 1: " + limit);
        if (from != null) SurtKey.padLow(from);
        if (to != null) SurtKey.padHigh(to);
        String query = String.join(" ", words);
        PrintWriter out = spec.commandLine().getOut();
        SearchResult result;
        try (Archive archive = Archives.openForReading(store.dir(), m -> spec.commandLine().getErr().println("warctrail: " + m))) {
            result = archive.search().search(query, new SearchOptions(site, from, to, limit, 0));
        }
        if (json) {
            writeJson(out, result);
        } else {
            boolean terminal = System.console() != null;
            for (SearchHit hit : result.results()) {
                out.println(hit.timestamp() + " " + hit.url());
                if (hit.title() != null) out.println("  " + hit.title());
                out.println("  " + plain(hit.snippet(), terminal));
            }
            out.println((result.totalIsLowerBound() ? String.format(java.util.Locale.ROOT, "more than %,d", result.total())
                    : String.valueOf(result.total())) + " matching URL(s)"
                    + (result.total() > result.results().size() ? ", showing " + result.results().size() : ""));
        }
        out.flush();
        return 0;
    }

    /** The result as one JSON object on a line. */
    static void writeJson(PrintWriter out, SearchResult result) throws IOException {
        try (JsonGenerator g = JsonOutput.generator(out)) {
            g.writeStartObject();
            g.writeStringField("query", result.query());
            g.writeNumberField("total", result.total());
            g.writeBooleanField("totalIsLowerBound", result.totalIsLowerBound()); // true: more than total URLs match
            g.writeArrayFieldStart("results");
            for (SearchHit h : result.results()) {
                // plain text and the matches' offsets, as /api/search gives them: no HTML for a script to parse
                SnippetText snippet = SnippetText.of(h.snippet());
                g.writeStartObject();
                g.writeStringField("url", h.url());
                g.writeStringField("timestamp", h.timestamp());
                g.writeStringField("title", h.title());
                g.writeStringField("snippet", snippet.text());
                g.writeArrayFieldStart("matches");
                for (var m : snippet.matches()) {
                    g.writeStartObject();
                    g.writeNumberField("start", m.start());
                    g.writeNumberField("end", m.end());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeNumberField("score", h.score());
                g.writeBooleanField("rendered", h.rendered()); // extracted from a browser capture's rendered DOM
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.println();
    }

    /** The HTML snippet as terminal text: matches in bold on a terminal, in [brackets] otherwise. */
    static String plain(String snippet, boolean terminal) {
        String marked = terminal ? snippet.replace("<b>", "\033[1m").replace("</b>", "\033[0m")
                : snippet.replace("<b>", "[").replace("</b>", "]");
        return marked.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }
}
