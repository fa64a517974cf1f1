package org.warctrail.extract;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.warctrail.capture.DiscoveredLink;
import org.warctrail.capture.LinkFinder;
import org.warctrail.capture.LinkRole;

/**
 * The crawler's view of a page's links. For HTML: the requisites a browser would load (images and every
 * srcset candidate, stylesheets, icons, preloads, scripts, media and posters, frames, {@code url()} in style
 * attributes and {@code <style>}) as {@link LinkRole#REQUISITE}; hyperlinks whose kind is a source
 * ({@link LinkKind#isSource()}) as {@link LinkRole#SOURCE}; other hyperlinks as {@link LinkRole#OTHER}. For CSS:
 * {@code url()} and {@code @import} targets as requisites. Absolute http(s) URLs only, without fragments,
 * each once (the strongest role wins: requisite, then source, then other).
 */
public final class HtmlLinkFinder implements LinkFinder {
    private final Outlinks outlinks = new Outlinks();
    private final MainTextExtractor mainText = new MainTextExtractor();

    public HtmlLinkFinder() {
    }

    @Override
    public List<DiscoveredLink> find(URI base, String contentType, byte[] payload) {
        return find(base, contentType, payload, true);
    }

    /**
     * Requisites, and every hyperlink (anchors, areas, canonical and og:url) as {@link LinkRole#OTHER}: no main text
     * and no link classification, which is most of the work of {@link #find} on a page.
     */
    @Override
    public List<DiscoveredLink> findWithoutRoles(URI base, String contentType, byte[] payload) {
        return find(base, contentType, payload, false);
    }

    private List<DiscoveredLink> find(URI base, String contentType, byte[] payload, boolean roles) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        Map<URI, LinkRole> found = new LinkedHashMap<>();
        if (type.startsWith("text/css")) {
            String css = CharsetDetection.decode(payload, contentType, false);
            for (String u : CssUrls.find(css)) add(found, resolve(base, u), LinkRole.REQUISITE);
        } else if (PayloadTypes.isHtml(contentType, payload)) {
            String html = CharsetDetection.decode(payload, contentType, true);
            org.jsoup.nodes.Document doc = Jsoup.parse(html, base.toString());
            requisites(doc, found);
            if (roles) {
                PageElements page = PageElements.of(doc);
                MainText main = mainText.extract(page);
                for (Link link : outlinks.find(page, base.toString(), main)) {
                    if (link.kind() == LinkKind.REQUISITE) continue;
                    add(found, resolve(base, link.url()), link.kind().isSource() ? LinkRole.SOURCE : LinkRole.OTHER);
                }
            } else {
                hyperlinks(doc, found);
            }
        }
        List<DiscoveredLink> out = new ArrayList<>(found.size());
        found.forEach((u, r) -> out.add(new DiscoveredLink(u, r)));
        return out;
    }

    private static void requisites(org.jsoup.nodes.Document doc, Map<URI, LinkRole> found) {
        for (Element e : doc.select("img[src], img[data-src], script[src], iframe[src], frame[src], embed[src], "
                + "video[src], audio[src], source[src], track[src], input[type=image][src]")) {
            add(found, e.hasAttr("src") ? e.absUrl("src") : e.absUrl("data-src"), LinkRole.REQUISITE);
        }
        for (Element e : doc.select("video[poster]")) add(found, e.absUrl("poster"), LinkRole.REQUISITE);
        for (Element e : doc.select("object[data]")) add(found, e.absUrl("data"), LinkRole.REQUISITE);
        for (Element e : doc.select("[srcset], [data-srcset]")) {
            for (String attr : List.of("srcset", "data-srcset")) {
                for (String candidate : srcset(e.attr(attr))) add(found, resolve(e.baseUri(), candidate), LinkRole.REQUISITE);
            }
        }
        for (Element l : doc.select("link[href][rel]")) {
            String rel = " " + l.attr("rel").toLowerCase(Locale.ROOT) + " ";
            if (rel.matches(".*\\s(stylesheet|icon|apple-touch-icon|apple-touch-icon-precomposed|mask-icon|preload|modulepreload|manifest)\\s.*")) {
                add(found, l.absUrl("href"), LinkRole.REQUISITE);
            }
        }
        for (Element e : doc.select("[style]")) {
            for (String u : CssUrls.find(e.attr("style"))) add(found, resolve(e.baseUri(), u), LinkRole.REQUISITE);
        }
        for (Element style : doc.select("style")) {
            for (String u : CssUrls.find(style.data())) add(found, resolve(style.baseUri(), u), LinkRole.REQUISITE);
        }
    }

    /** The hyperlinks {@link Outlinks} would classify, unclassified. */
    private static void hyperlinks(org.jsoup.nodes.Document doc, Map<URI, LinkRole> found) {
        UrlResolver resolver = new UrlResolver(doc.baseUri());
        for (Element a : doc.select("a[href], area[href]")) add(found, Outlinks.absolute(resolver, a, "href"), LinkRole.OTHER);
        for (Element l : doc.select("link[href][rel]")) {
            if (Set.of(l.attr("rel").toLowerCase(Locale.ROOT).trim().split("\\s+")).contains("canonical")) {
                add(found, Outlinks.absolute(resolver, l, "href"), LinkRole.OTHER);
            }
        }
        Element ogUrl = doc.selectFirst("meta[property=og:url][content]");
        if (ogUrl != null) add(found, Outlinks.absolute(resolver, ogUrl, "content"), LinkRole.OTHER);
    }

    /** The URLs of a srcset: comma-separated candidates, each a URL and an optional descriptor. */
    static List<String> srcset(String value) {
        List<String> out = new ArrayList<>();
        for (String candidate : value.split(",(?=\\s*\\S)")) {
            String url = candidate.strip().split("\\s+")[0];
            if (!url.isEmpty()) out.add(url);
        }
        return out;
    }

    private static String resolve(URI base, String ref) {
        return resolve(base.toString(), ref);
    }

    private static String resolve(String base, String ref) {
        try {
            return new java.net.URL(new java.net.URL(base), ref.strip()).toString();
        } catch (java.net.MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    private static void add(Map<URI, LinkRole> found, String url, LinkRole role) {
        if (url == null || url.isEmpty()) return;
        URI uri = toUri(url);
        if (uri == null) return;
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) return;
        LinkRole prior = found.get(uri);
        if (prior == null || role.ordinal() < prior.ordinal()) found.put(uri, role);
    }

    /** A URI without fragment, percent-encoding what pages leave raw (spaces, non-ASCII). */
    private static URI toUri(String url) {
        String u = Outlinks.withoutFragment(url);
        try {
            return new URI(u);
        } catch (URISyntaxException e) {
            try {
                java.net.URL parsed = new java.net.URL(u);
                return new URI(parsed.getProtocol(), parsed.getUserInfo(), parsed.getHost(), parsed.getPort(),
                        parsed.getPath(), parsed.getQuery(), null).normalize();
            } catch (java.net.MalformedURLException | URISyntaxException bad) {
                return null;
            }
        }
    }
}
