package org.warctrail.provenance;

import java.util.List;

/** The provenance graph from a page towards its origins: DESIGN.md's {@code chain} JSON. */
public record Chain(String root, List<ChainNode> nodes, List<ChainEdge> edges) {
    public Chain {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** The links in the chain whose target the store holds no capture of: what {@code --capture-missing} fetches. */
    public List<ChainNode> gaps() {
        return nodes.stream().filter(n -> !n.archived()).toList();
    }
}
