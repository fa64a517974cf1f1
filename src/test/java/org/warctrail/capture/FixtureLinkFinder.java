package org.warctrail.capture;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warctrail.fixture.FixtureWeb;

/**
 * A test-only LinkFinder for the fixture pages (the real one, which parses HTML, lives in extract):
 * img/script src, stylesheet and icon links and CSS url()/@import are requisites; an anchor or
 * canonical link is a source when it is one of {@link FixtureWeb#SOURCE_LINKS}, else other.
 */
final class FixtureLinkFinder implements LinkFinder {
    private static final Pattern TAG = Pattern.compile("<(a|img|script|link)\\b([^>]*)>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTR = Pattern.compile("(href|src|rel)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern CSS_URL = Pattern.compile("url\\(\\s*['\"]?([^'\")]+)['\"]?\\s*\\)");

    @Override
    public List<DiscoveredLink> find(URI base, String contentType, byte[] payload) {
        String text = new String(payload, StandardCharsets.ISO_8859_1);
        List<DiscoveredLink> links = new ArrayList<>();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/css")) {
            Matcher m = CSS_URL.matcher(text);
            while (m.find()) {
                add(links, base, m.group(1), LinkRole.REQUISITE);
            }
            return links;
        }
        Matcher tag = TAG.matcher(text);
        while (tag.find()) {
            String name = tag.group(1).toLowerCase(Locale.ROOT);
            String href = null;
            String src = null;
            String rel = "";
            Matcher a = ATTR.matcher(tag.group(2));
            while (a.find()) {
                switch (a.group(1).toLowerCase(Locale.ROOT)) {
                    case "href" -> href = a.group(2).replace("&amp;", "&");
                    case "src" -> src = a.group(2);
                    default -> rel = a.group(2).toLowerCase(Locale.ROOT);
                }
            }
            switch (name) {
                case "img", "script" -> add(links, base, src, LinkRole.REQUISITE);
                case "link" -> add(links, base, href, rel.contains("stylesheet") || rel.contains("icon")
                        ? LinkRole.REQUISITE : rel.contains("canonical") ? LinkRole.SOURCE : LinkRole.OTHER);
                default -> add(links, base, href, null);
            }
        }
        return links;
    }

    private static void add(List<DiscoveredLink> links, URI base, String ref, LinkRole role) {
        if (ref == null || ref.isBlank()) {
            return;
        }
        URI url;
        try {
            url = base.resolve(ref.trim());
        } catch (IllegalArgumentException e) {
            return;
        }
        if (role == null) {
            role = isSource(url) ? LinkRole.SOURCE : LinkRole.OTHER;
        }
        links.add(new DiscoveredLink(url, role));
    }

    /** Port ignored, so direct-mode URLs (http://host:PORT/...) match too. */
    private static boolean isSource(URI url) {
        return FixtureWeb.SOURCE_LINKS.stream().anyMatch(s -> s.getHost().equals(url.getHost())
                && s.getRawPath().equals(url.getRawPath()));
    }
}
