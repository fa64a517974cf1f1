package org.warctrail.provenance;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Walks the provenance graph from a page towards its origins, breadth first: source links, redirects and (if
 * asked) reuse edges; never navigation, social, advert, requisite or plain links. Each target URL resolves to
 * its capture nearest in time to the root's, and URLs meet by SURT, so a cycle or a page reached twice is one
 * node. A redirect hop does not use up depth (as in capture); every other hop does. Targets that are not
 * archived are kept as nodes (gaps) and not expanded.
 */
public final class ChainWalker {
    public static final int DEFAULT_DEPTH = 3;

    private final ProvenanceGraph graph;

    public ChainWalker(ProvenanceGraph graph) {
        this.graph = graph;
    }

    /** The chain from a URL's latest capture, with reuse edges, to {@code depth} hops. */
    public Chain walk(String url, int depth) {
        return walk(url, null, depth, true);
    }

    /**
     * @param timestamp the time the chain is read at (14 digits): each URL's capture nearest to it is used; null
     *                  for the root's latest capture
     */
    public Chain walk(String url, String timestamp, int depth, boolean withReuse) {
        if (depth < 0) throw new IllegalArgumentException("depth must not be negative: " + depth);
        Map<String, ChainNode> nodes = new LinkedHashMap<>();
        Map<String, ChainEdge> edges = new LinkedHashMap<>();
        Map<String, Integer> depths = new HashMap<>();
        ChainNode root = graph.node(url);
        String at = timestamp != null ? timestamp : root.lastCapture();
        String rootKey = UrlKey.of(root.url());
        nodes.put(rootKey, root);
        depths.put(rootKey, 0);
        record Visit(ChainNode node, String key, int depth) {
        }
        Deque<Visit> queue = new ArrayDeque<>();
        queue.add(new Visit(root, rootKey, 0));
        while (!queue.isEmpty()) {
            Visit visit = queue.poll();
            if (!visit.node.archived() || visit.depth > depths.get(visit.key)) continue;
            var outgoing = new ArrayList<ChainEdge>(graph.edges(visit.node.url(), at));
            if (withReuse) outgoing.addAll(graph.reuseSources(visit.node.url()));
            for (ChainEdge edge : outgoing) {
                boolean reuse = ChainEdge.REUSE.equals(edge.kind());
                if (!reuse && !EdgeKinds.followsLink(edge.kind())) continue;
                boolean free = ChainEdge.REDIRECT.equals(edge.kind());
                int next = free ? visit.depth : visit.depth + 1;
                if (next > depth || edge.to() == null) continue;
                String key = UrlKey.of(edge.to());
                if (key.equals(visit.key)) continue; // a page naming itself (canonical, anchors) is no hop
                ChainNode target = nodes.get(key);
                if (target == null) {
                    target = graph.node(edge.to());
                    nodes.put(key, target);
                }
                ChainEdge placed = edge.withEnds(visit.node.url(), target.url());
                edges.putIfAbsent(placed.from() + " " + placed.to() + " " + placed.kind(), placed);
                Integer known = depths.get(key);
                if (known == null || next < known) {
                    depths.put(key, next);
                    Visit v = new Visit(target, key, next);
                    if (free) queue.addFirst(v);
                    else queue.addLast(v);
                }
            }
        }
        return new Chain(root.url(), new ArrayList<>(nodes.values()), new ArrayList<>(edges.values()));
    }
}
