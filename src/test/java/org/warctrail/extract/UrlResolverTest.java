package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** UrlResolver gives what jsoup's absUrl gives, on real pages' links and on odd hrefs, against several bases. */
class UrlResolverTest {
    private static final List<String> BASES = List.of(
            "https://www.example.com/news/2019/story.html?id=7&page=2",
            "http://example.org",
            "https://example.net:8443/a/b/",
            "HTTPS://User:pw@Example.COM/dir/./x/../page#frag",
            "file:/tmp/page.html",
            "not a url",
            "");

    private static final List<String> ODD = List.of(
            "?q=1", "?", "#top", "//cdn.example/x.js", "../../a", "./b", "/./a", "/../a", "/../../a/../b", "a/./b/../c",
            " http://x.com/a ", "\thttps://x.com/\n", "HTTP://X.COM/A", "Https://x.com", "http://user:pw@host/p",
            "tel:+1-555", "javascript:void(0)", "JavaScript:x()", "mailto:a@b.c", "data:image/png;base64,AA",
            "whatsapp://send?text=x", "http://", "http:///x", "https://", "http:relative", "http:/rooted", "https://host:/p",
            "https://host:80/p", "https://host:0080/p", "https://host:123456/p", "https://host:8080/p?q#f",
            "https://host?x/y", "https://host#f", "https://host?a=/./b", "https://host/a/./b", "https://host/a/../b",
            "https://host/a/.", "https://host/..", "https://host//a//b", "https://host/%zz/%20", "https://host/a b",
            "https://exa mple.com/", "https://例子.测试/路径", "https://host/ü", "https://host/a\\b", "http://[::1]/x",
            "http://1.2.3.4:99/x", "https://-host-/x", "https://a..b/x", "https://host/a@b", "https://user@host/x",
            "https://host/~user/", "https://host/\u007f", "\u0000http://x.com/", "ht\ttp://x.com/", "h\nttps://x.com/y",
            "", " ", "  /path  ", "https://host.com.", "https://host/a?b=c&d=e#g#h", "x:y", "1http://x", "+a:b", "a,b:c");

    @Test
    void resolvesAsJsoupOnOddHrefs() {
        for (String base : BASES) {
            UrlResolver resolver = new UrlResolver(base);
            for (String href : ODD) assertEquals(jsoup(base, href), resolver.resolve(href), () -> href + " against " + base);
        }
    }

    @Test
    void resolvesAsJsoupOnRealPages() throws IOException {
        int checked = 0;
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/extraction/html"))) {
            for (Path file : files.sorted().toList()) {
                String html;
                try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                    html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                for (String base : List.of(BASES.get(0), BASES.get(3), "")) {
                    Document doc = Jsoup.parse(html, base);
                    UrlResolver resolver = new UrlResolver(doc.baseUri());
                    for (Element e : doc.select("[href], [src], [data-src], [poster], [data], meta[content]")) {
                        for (String attr : List.of("href", "src", "data-src", "poster", "data", "content")) {
                            if (!e.hasAttr(attr)) continue;
                            assertEquals(e.absUrl(attr), resolver.resolve(e.attr(attr)),
                                    () -> file.getFileName() + ": " + e.attr(attr) + " against " + doc.baseUri());
                            checked++;
                        }
                    }
                }
            }
        }
        assertTrue(checked > 2000, "only " + checked + " links checked");
    }

    @Test
    void plainAbsoluteUrlsAreRecognisedOnlyWhenNothingWouldChange() {
        assertTrue(UrlResolver.isPlainAbsolute("https://www.example.com/a/b.html?x=1#y"));
        assertTrue(UrlResolver.isPlainAbsolute("http://example.com"));
        List<String> notPlain = new ArrayList<>(List.of("HTTPS://example.com/", "https://Example.com/", "https://host:0080/",
                "https://host/a/../b", "https://host/a b", "https://user@host/", "//host/x", "/x", "https://host:/x"));
        for (String href : notPlain) assertFalse(UrlResolver.isPlainAbsolute(href), href);
    }

    /** What jsoup's Element.absUrl makes of the href on a page at the base. */
    private static String jsoup(String base, String href) {
        Document doc = Jsoup.parse("", base);
        Element a = doc.body().appendElement("a").attr("href", href);
        return a.absUrl("href");
    }
}
