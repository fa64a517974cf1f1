package org.warctrail.provenance;

import java.util.List;
import org.warctrail.extract.Link;

/**
 * The store as a graph of pages and edges, as provenance walks it. URLs match by SURT ({@link UrlKey}); the
 * index implements it over its captures, documents, links and reuse tables.
 */
interface ProvenanceGraph {
    /**
     * What the store knows of a URL: its archived form (the URL as captured), title, site, dates. For a URL with
     * no capture, {@link ChainNode#unarchived}.
     */
    ChainNode node(String url);

    /**
     * The outgoing edges of the URL's capture nearest in time to {@code timestamp} (14 digits; null for the
     * latest): every link of its document, with its kind, and, when that capture is an HTTP redirect, a
     * {@code redirect} edge to its location with the status. Empty when the URL is not archived.
     */
    List<ChainEdge> edges(String url, String timestamp);

    /**
     * The links of the URL's capture nearest in time to {@code timestamp}, in page order, each with where on the
     * page it stands ({@link org.warctrail.extract.LinkPlace}) as the extractor recorded it; empty when the URL is
     * not archived. A likely origin outside the archive is looked for among them.
     */
    List<Link> links(String url, String timestamp);

    /** {@code reuse} edges from the URL's document to the earlier documents it copied passages from. */
    List<ChainEdge> reuseSources(String url);

    /**
     * The texts of the URL's captured documents, oldest first (SURT match); empty when it has none (not archived,
     * a redirect, no text). Discrepancies compare them.
     */
    default List<TextVersion> texts(String url) {
        return List.of();
    }
}
