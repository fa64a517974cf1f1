package org.warctrail.provenance;

import java.util.List;

/** The provenance graph from a page towards its origins: DESIGN.md's {@code chain} JSON. */
public record Chain(String root, List<ChainNode> nodes, List<ChainEdge> edges) {
    public Chain {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The links in the chain whose target the store does not preserve: never captured, or captured dead. */
    public List<ChainNode> gaps() {
        return nodes.stream().filter(n -> !n.archived()).toList();
    }

    /** The gaps never tried: what {@code --capture-missing} fetches. */
    public List<ChainNode> untried() {
        return nodes.stream().filter(n -> !n.archived() && !n.dead()).toList();
    }

    /** The gaps whose captures all failed (404, 410, 5xx): fetched again only when asked. */
    public List<ChainNode> dead() {
        return nodes.stream().filter(ChainNode::dead).toList();
    }
}
