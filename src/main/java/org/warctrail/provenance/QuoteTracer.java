package org.warctrail.provenance;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.warctrail.extract.Quote;

/**
 * Traces a quote: every capture containing it (full-text candidates verified by {@link QuoteMatcher}), the
 * origin, the path from each match to the origin, and the links near the quote in the origin whose targets are
 * not archived.
 *
 * <p>The origin is decided by explicit links first: the match the most other matches lead to through
 * continuation, citation, attribution, syndication and canonical links and redirects; among equals, one that
 * leads to none of the others, then the earliest. Reuse is not evidence of direction (two outlets copying one
 * wire story reuse each other's text both ways), so it never picks the origin: failing links, the earliest
 * published match is the origin; failing dates, the earliest captured. The reason says which rule decided. The
 * paths shown from the other matches to the origin use links where they can and reuse where nothing else
 * connects them. A source most matches cite next to the quote that the archive does not preserve is named as the
 * likely origin ({@link CommonSource}); once it is captured and holds the quote, it is a match the others link
 * to, and so the origin.
 */
public final class QuoteTracer {
    /** Candidates verified per trace. */
    public static final int CANDIDATE_LIMIT = 200;
    /** Hops (redirects free) walked from each match when looking for the others. */
    public static final int PATH_DEPTH = 6;
    /** How close (characters) to the quote a link of the origin must stand to be reported as a possible source. */
    public static final int NEAR_CHARS = 1000;

    private final QuoteCandidates candidates;
    private final ProvenanceGraph graph;
    private final QuoteMatcher matcher;

    public QuoteTracer(QuoteCandidates candidates, ProvenanceGraph graph) {
        this(candidates, graph, new QuoteMatcher());
    }

    public QuoteTracer(QuoteCandidates candidates, ProvenanceGraph graph, QuoteMatcher matcher) {
        this.candidates = candidates;
        this.graph = graph;
        this.matcher = matcher;
    }

    private record Found(QuoteCandidate candidate, QuoteMatch match, TraceMatch trace, String key) {
    }

    public Trace trace(String quote) {
        MatchText words = MatchText.of(quote);
        if (words.isEmpty()) throw new IllegalArgumentException("the quote has no words: \"" + quote + "\"");
        List<Found> found = new ArrayList<>();
        for (QuoteCandidate candidate : candidates.find(words.words(), CANDIDATE_LIMIT)) {
            Optional<QuoteMatch> match = matcher.find(words, MatchText.of(candidate.text()));
            if (match.isEmpty()) continue;
            QuoteMatch m = match.get();
            found.add(new Found(candidate, m, new TraceMatch(candidate.url(), candidate.timestamp(),
                    candidate.published(), candidate.title(), m.score(), m.context(), speaker(candidate.quotes(), m)),
                    UrlKey.of(candidate.url())));
        }
        if (found.isEmpty()) return new Trace(quote, List.of(), null, List.of(), List.of());
        found.sort(Comparator.comparing((Found f) -> time(f.trace), TimeOrder.EARLIEST_FIRST)
                .thenComparing(f -> -f.trace.score()).thenComparing(f -> f.trace.url()));

        // One representative (the earliest) per URL; paths between URLs.
        Map<String, Found> byUrl = new LinkedHashMap<>();
        for (Found f : found) byUrl.putIfAbsent(f.key, f);
        Map<String, Map<String, List<TraceHop>>> linkPaths = new HashMap<>();
        Map<String, Map<String, List<TraceHop>>> anyPaths = new HashMap<>();
        for (Found f : byUrl.values()) {
            Chain chain = new ChainWalker(graph).walk(f.trace.url(), f.trace.timestamp(), PATH_DEPTH, true);
            linkPaths.put(f.key, shortestPaths(chain, false));
            anyPaths.put(f.key, shortestPaths(chain, true));
        }
        Found origin = mostLedTo(byUrl, linkPaths);
        String reason = TraceOrigin.LINKS;
        if (origin == null) {
            origin = found.stream().filter(f -> TimeOrder.instant(f.trace.published()) != null)
                    .min(Comparator.comparing((Found f) -> TimeOrder.instant(f.trace.published()))
                            .thenComparing(f -> TimeOrder.instant(f.trace.timestamp()), TimeOrder.EARLIEST_FIRST))
                    .orElse(null);
            reason = TraceOrigin.EARLIEST_PUBLISHED;
        }
        if (origin == null) {
            origin = found.stream().min(Comparator.comparing(f -> TimeOrder.instant(f.trace.timestamp()),
                    TimeOrder.EARLIEST_FIRST)).orElseThrow();
            reason = TraceOrigin.EARLIEST_CAPTURED;
        }

        List<List<TraceHop>> toOrigin = new ArrayList<>();
        for (Found f : byUrl.values()) {
            if (f.key.equals(origin.key)) continue;
            List<TraceHop> path = linkPaths.get(f.key).get(origin.key);
            if (path == null) path = anyPaths.get(f.key).get(origin.key);
            if (path != null) toOrigin.add(path);
        }
        List<CommonSource.Carrier> carriers = byUrl.values().stream().map(f -> new CommonSource.Carrier(f.trace.url(),
                f.trace.timestamp(), f.candidate.text(), f.match.start(), f.match.end())).toList();
        return new Trace(quote, found.stream().map(Found::trace).toList(),
                new TraceOrigin(origin.trace.url(), origin.trace.timestamp(), reason), toOrigin, unarchived(origin),
                new CommonSource(graph).find(carriers).orElse(null));
    }

    /** The match most others lead to, or null when none leads to another. */
    private static Found mostLedTo(Map<String, Found> byUrl, Map<String, Map<String, List<TraceHop>>> paths) {
        Map<String, Integer> ledTo = new HashMap<>();
        for (String from : byUrl.keySet()) {
            for (String to : byUrl.keySet()) {
                if (!from.equals(to) && paths.get(from).containsKey(to)) ledTo.merge(to, 1, Integer::sum);
            }
        }
        if (ledTo.isEmpty()) return null;
        int most = ledTo.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        List<String> best = ledTo.entrySet().stream().filter(e -> e.getValue() == most).map(Map.Entry::getKey).toList();
        // Among equals, prefer one that leads on to none of the others (the end of the line), then the earliest.
        List<String> ends = best.stream()
                .filter(k -> best.stream().noneMatch(o -> !o.equals(k) && paths.get(k).containsKey(o))).toList();
        List<String> pool = ends.isEmpty() ? best : ends;
        return byUrl.values().stream().filter(f -> pool.contains(f.key)).findFirst().orElseThrow();
    }

    /**
     * Shortest paths (fewest hops) from the chain's root to every node: by explicit source links and redirects,
     * or by every edge of the chain (reuse and image credits too) when {@code anyEdge}.
     */
    private static Map<String, List<TraceHop>> shortestPaths(Chain chain, boolean anyEdge) {
        Map<String, List<ChainEdge>> out = new HashMap<>();
        for (ChainEdge e : chain.edges()) {
            if (!anyEdge && !EdgeKinds.showsDirection(e.kind())) continue;
            out.computeIfAbsent(UrlKey.of(e.from()), k -> new ArrayList<>()).add(e);
        }
        Map<String, List<TraceHop>> paths = new HashMap<>();
        String root = UrlKey.of(chain.root());
        paths.put(root, List.of());
        Deque<String> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            String key = queue.poll();
            for (ChainEdge e : out.getOrDefault(key, List.of())) {
                String to = UrlKey.of(e.to());
                if (paths.containsKey(to)) continue;
                List<TraceHop> path = new ArrayList<>(paths.get(key));
                path.add(new TraceHop(e.from(), e.to(), e.kind()));
                paths.put(to, path);
                queue.add(to);
            }
        }
        paths.remove(root);
        return paths;
    }

    /** Links standing near the quote in the origin that may lead further back but are not archived. */
    private List<UnarchivedLink> unarchived(Found origin) {
        String text = origin.candidate.text();
        Set<String> seen = new LinkedHashSet<>();
        List<UnarchivedLink> links = new ArrayList<>();
        for (ChainEdge edge : graph.edges(origin.trace.url(), origin.trace.timestamp())) {
            if (ChainEdge.REDIRECT.equals(edge.kind()) || !EdgeKinds.mayBeSource(edge.kind())) continue;
            if (!near(text, origin.match, edge) || !seen.add(UrlKey.of(edge.to()))) continue;
            ChainNode target = graph.node(edge.to());
            if (target.archived()) continue;
            links.add(new UnarchivedLink(edge.to(), edge.text(), target.lastStatus(), target.lastAttempt()));
        }
        return links;
    }

    private static boolean near(String text, QuoteMatch match, ChainEdge edge) {
        for (String probe : new String[] {edge.context(), edge.text()}) {
            if (probe == null || probe.isBlank()) continue;
            int at = text.indexOf(probe.strip());
            while (at >= 0) {
                int end = at + probe.strip().length();
                if (end >= match.start() - NEAR_CHARS && at <= match.end() + NEAR_CHARS) return true;
                at = text.indexOf(probe.strip(), at + 1);
            }
        }
        return false;
    }

    private static String speaker(List<Quote> quotes, QuoteMatch match) {
        for (Quote q : quotes) {
            if (q.speaker() != null && q.start() < match.end() && q.end() > match.start()) return q.speaker();
        }
        return null;
    }

    private static Instant time(TraceMatch m) {
        Instant published = TimeOrder.instant(m.published());
        return published != null ? published : TimeOrder.instant(m.timestamp());
    }
}
