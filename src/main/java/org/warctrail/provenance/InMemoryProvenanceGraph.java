package org.warctrail.provenance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warctrail.extract.Link;

/**
 * {@link ProvenanceGraph} over captures held in memory, for tests and benchmarks (and for tracing over documents
 * extracted without a store).
 */
public final class InMemoryProvenanceGraph implements ProvenanceGraph {
    /** Guards the maps: a lock of its own, not this public object. */
    private final Object lock = new Object();

    private record Capture(String url, String timestamp, int status, String title, String site, String published,
                           List<ChainEdge> edges, List<Link> links) {
    }

    private final Map<String, List<Capture>> captures = new HashMap<>();
    private final Map<String, List<ChainEdge>> reuse = new HashMap<>();

    /** A captured page (or document) with its links. {@code siteName} may be null (the host stands in). */
    public void addPage(String url, String timestamp, String title, String siteName, String published,
                                     List<Link> links) {
        synchronized (lock) {
            List<ChainEdge> edges = links.stream()
                    .map(l -> new ChainEdge(url, l.url(), l.kind().label(), l.text(), l.context(), null, null)).toList();
            add(new Capture(url, timestamp, 200, title, siteName != null ? siteName : UrlKey.site(url), published, edges,
                    List.copyOf(links)));
        }
    }

    /** A captured HTTP redirect. */
    public void addRedirect(String url, String timestamp, int status, String location) {
        synchronized (lock) {
            add(new Capture(url, timestamp, status, null, UrlKey.site(url), null,
                    List.of(ChainEdge.redirect(url, location, status)), List.of()));
        }
    }

    /** A capture that did not preserve the page: an error response (404, 410, 5xx). */
    public void addFailure(String url, String timestamp, int status) {
        synchronized (lock) {
            if (status < 400) throw new IllegalArgumentException("not an error status: " + status);
            add(new Capture(url, timestamp, status, null, UrlKey.site(url), null, List.of(), List.of()));
        }
    }

    /** Reuse found between two documents; {@code targetText} gives the edge its context. */
    public void addReuse(Reuse found, String targetText) {
        synchronized (lock) {
            reuse.computeIfAbsent(UrlKey.of(found.targetUrl()), k -> new ArrayList<>()).add(ChainEdge.reuse(found, targetText));
        }
    }

    private void add(Capture capture) {
        List<Capture> list = captures.computeIfAbsent(UrlKey.of(capture.url), k -> new ArrayList<>());
        list.add(capture);
        list.sort(Comparator.comparing(Capture::timestamp));
    }

    @Override
    public ChainNode node(String url) {
        synchronized (lock) {
            List<Capture> all = captures.get(UrlKey.of(url));
            if (all == null) return ChainNode.unarchived(url);
            Capture latest = all.get(all.size() - 1);
            List<Capture> list = all.stream().filter(c -> c.status < 400).toList();
            if (list.isEmpty()) return ChainNode.failed(url, latest.status, latest.timestamp);
            Capture last = list.get(list.size() - 1);
            Capture described = list.stream().filter(c -> c.title != null).reduce((a, b) -> b).orElse(last);
            return new ChainNode(last.url, described.title, described.site, described.published, true,
                    list.get(0).timestamp, last.timestamp, latest.status, latest.timestamp);
        }
    }

    @Override
    public List<ChainEdge> edges(String url, String timestamp) {
        Capture nearest = nearest(url, timestamp);
        return nearest == null ? List.of() : nearest.edges;
    }

    @Override
    public List<Link> links(String url, String timestamp) {
        Capture nearest = nearest(url, timestamp);
        return nearest == null ? List.of() : nearest.links;
    }

    /** The URL's capture that preserved it (status below 400) nearest in time, the latest for null; or null. */
    private Capture nearest(String url, String timestamp) {
        synchronized (lock) {
            List<Capture> all = captures.get(UrlKey.of(url));
            List<Capture> list = all == null ? List.of() : all.stream().filter(c -> c.status < 400).toList();
            if (list.isEmpty()) return null;
            if (timestamp == null) return list.get(list.size() - 1);
            Instant at = TimeOrder.instant(timestamp);
            if (at == null) throw new IllegalArgumentException("not a 14-digit timestamp: " + timestamp);
            return list.stream().min(Comparator.comparingLong((Capture c) ->
                    Math.abs(Duration.between(at, TimeOrder.instant(c.timestamp)).getSeconds()))).orElseThrow();
        }
    }

    @Override
    public List<ChainEdge> reuseSources(String url) {
        synchronized (lock) {
            return reuse.getOrDefault(UrlKey.of(url), List.of());
        }
    }
}
