package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HostsTest {
    /** The quick read of a plain host answers what URI (or URL, where URI refuses) reads, or leaves it to them. */
    @Test
    void aPlainHostIsReadAsTheParsersReadIt() throws Exception {
        List<String> urls = new ArrayList<>(List.of(
                "http://example.com", "https://Example.COM/Path?q=1#f", "HTTP://www.bbc.co.uk:8080/news",
                "http://host#frag", "http://host?x", "http://a-b.c-d.example/", "http://1.2.3.4/", "http://foo.123/",
                "http://-foo.example/", "http://foo-.example/", "http://foo..example/", "http://example.com./",
                "http://user@example.com/", "http://example.com:/", "http://example.com:80abc/",
                "http://example.com:123456/", "http://example.com:99999999999/", "http://exa_mple.com/",
                "http://[::1]:8080/", "http://example.com/a path with spaces", "http://example.com\\path",
                "https://", "http://", "mailto:someone@example.com", "ftp://example.com/", "http://ex%41mple.com/",
                "http://xn--bcher-kva.example/", "http://bücher.example/", "http://example.com/|pipe", "//example.com/"));
        for (String name : new String[] {"11ea381ad92b5448cf66eae62f52ac565361a244c8881615fc6a7bb523cc0c32.html.gz",
                "3f65af7b6b98b1c9ae9a3e0d8a09a85600cdc44e26e4b3a6db96a31f4b1767e3.html.gz",
                "85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3.html.gz"}) addLinks(urls, name);
        int plain = 0;
        for (String url : urls) {
            String quick = Hosts.plainHost(url);
            if (quick == null) continue;
            plain++;
            assertEquals(Hosts.parsedHost(url), quick, url);
        }
        assertTrue(plain > 30, "most real links have plain hosts: " + plain + " of " + urls.size());
        assertEquals("example.com", Hosts.host("https://Example.COM/Path"));
        assertNull(Hosts.plainHost("http://1.2.3.4/"), "left to the parsers");
        assertEquals("1.2.3.4", Hosts.host("http://1.2.3.4/"));
    }

    private void addLinks(List<String> urls, String name) throws Exception {
        try (InputStream in = new GZIPInputStream(getClass().getResourceAsStream("/extraction/html/" + name))) {
            String html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Element a : Jsoup.parse(html, "https://news.example/section/page.html").select("a[href], img[src], link[href]")) {
                urls.add(a.hasAttr("href") ? a.absUrl("href") : a.absUrl("src"));
            }
        }
    }
}
