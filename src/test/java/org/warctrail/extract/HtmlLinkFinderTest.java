package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.warctrail.capture.DiscoveredLink;
import org.warctrail.capture.LinkRole;

class HtmlLinkFinderTest {
    private final HtmlLinkFinder finder = new HtmlLinkFinder();

    private Map<String, LinkRole> find(String base, String type, String body) {
        List<DiscoveredLink> links = finder.find(URI.create(base), type, body.getBytes(StandardCharsets.UTF_8));
        assertEquals(links.size(), new HashSet<>(links.stream().map(DiscoveredLink::url).toList()).size(), "deduplicated");
        return links.stream().collect(Collectors.toMap(l -> l.url().toString(), DiscoveredLink::role));
    }

    @Test
    void seedPageRoles() throws IOException {
        List<DiscoveredLink> links = finder.find(URI.create(SeedRepostTest.URL), "text/html", SeedRepostTest.resource("repost.html"));
        Map<String, LinkRole> roles = links.stream().collect(Collectors.toMap(l -> l.url().toString(), DiscoveredLink::role));
        String site = "https://21stcenturywire.example";
        assertEquals(LinkRole.SOURCE, roles.get("https://www.rt.example/news/359847-russia-us-syria-strike/"));
        assertEquals(LinkRole.SOURCE, roles.get("https://www.dailyrecord.example/news/world/us-airstrike-syria-8865123"));
        assertEquals(LinkRole.OTHER, roles.get(site + "/category/news/"));
        assertEquals(LinkRole.OTHER, roles.get("https://www.newdawnmagazine.example/current-issue"));
        assertEquals(LinkRole.REQUISITE, roles.get(site + "/wp-content/uploads/2016/09/us-airstrike-syria-300.jpg"), "srcset candidate");
        assertEquals(LinkRole.REQUISITE, roles.get(site + "/wp-content/uploads/2016/09/us-airstrike-syria-768.jpg"));
        assertEquals(LinkRole.REQUISITE, roles.get(site + "/wp-content/themes/wire/style.css"));
        assertEquals(LinkRole.REQUISITE, roles.get(site + "/favicon.ico"));
        assertEquals(LinkRole.REQUISITE, roles.get(site + "/wp-content/themes/wire/bg.png"), "inline style url()");
        assertEquals(LinkRole.REQUISITE, roles.get(site + "/wp-content/themes/wire/print.css"), "<style> @import");
        assertEquals(LinkRole.REQUISITE, roles.get(site + "/wp-content/themes/wire/logo.svg"), "<style> url()");
        assertTrue(roles.keySet().stream().allMatch(u -> u.startsWith("http://") || u.startsWith("https://")), "no mailto");
    }

    @Test
    void withoutRolesTheSameLinksAreFoundAndOnlyRequisitesAreTold() throws IOException {
        // A crawl that follows every link needs no sources told apart, and skips the page's analysis for it.
        URI base = URI.create(SeedRepostTest.URL);
        byte[] page = SeedRepostTest.resource("repost.html");
        Map<java.net.URI, LinkRole> withRoles = finder.find(base, "text/html", page).stream()
                .collect(Collectors.toMap(DiscoveredLink::url, DiscoveredLink::role));
        Map<java.net.URI, LinkRole> without = finder.findWithoutRoles(base, "text/html", page).stream()
                .collect(Collectors.toMap(DiscoveredLink::url, DiscoveredLink::role));
        java.util.Set<java.net.URI> expected = new HashSet<>(withRoles.keySet());
        expected.remove(base); // the page's own URL, which the classifier leaves out and the crawler has seen
        without.remove(base);
        assertEquals(expected, without.keySet());
        withRoles.forEach((url, role) -> {
            if (without.containsKey(url)) {
                assertEquals(role == LinkRole.REQUISITE ? LinkRole.REQUISITE : LinkRole.OTHER, without.get(url), url.toString());
            }
        });
        assertTrue(withRoles.containsValue(LinkRole.SOURCE));
    }

    @Test
    void requisitesOfMarkup() {
        Map<String, LinkRole> roles = find("https://e.example/dir/page.html", "text/html", """
                <html><head><base href="https://cdn.example/base/">
                <link rel="preload" href="font.woff2" as="font"><link rel="apple-touch-icon" href="/touch.png">
                <script src="app.js#frag"></script></head><body>
                <picture><source srcset="a.webp 1x, b.webp 2x"><img src="a.jpg" srcset="a-1.jpg 1.5x,a-2.jpg 2x"></picture>
                <video poster="poster.jpg"><source src="movie.mp4"></video>
                <a href="https://other.example/x#section">x</a><a href="#top">top</a>
                <a href="javascript:void(0)">js</a><img src="data:image/png;base64,AAAA">
                </body></html>""");
        for (String u : List.of("font.woff2", "touch.png", "app.js", "a.webp", "b.webp", "a.jpg", "a-1.jpg", "a-2.jpg", "poster.jpg", "movie.mp4")) {
            String abs = u.equals("touch.png") ? "https://cdn.example/touch.png" : "https://cdn.example/base/" + u;
            assertEquals(LinkRole.REQUISITE, roles.get(abs), abs + " in " + roles);
        }
        assertEquals(LinkRole.OTHER, roles.get("https://other.example/x"), "fragment dropped");
        assertFalse(roles.keySet().stream().anyMatch(u -> u.contains("javascript") || u.startsWith("data:") || u.contains("#")));
    }

    @Test
    void stylesheet() {
        Map<String, LinkRole> roles = find("https://e.example/css/site.css", "text/css; charset=utf-8", """
                @import "reset.css";
                @import url('https://fonts.example/css?family=Sans');
                /* url(commented-out.png) */
                body { background: url( "../img/bg.png" ) no-repeat; }
                .icon { background-image: url(icons.svg#star); }
                .x { background: url(data:image/gif;base64,R0lGOD); }""");
        assertEquals(Map.of(
                "https://e.example/css/reset.css", LinkRole.REQUISITE,
                "https://fonts.example/css?family=Sans", LinkRole.REQUISITE,
                "https://e.example/img/bg.png", LinkRole.REQUISITE,
                "https://e.example/css/icons.svg", LinkRole.REQUISITE), roles);
    }

    @Test
    void otherTypesHaveNoLinks() {
        assertTrue(finder.find(URI.create("https://e.example/a.png"), "image/png", new byte[] {1, 2, 3}).isEmpty());
    }
}
