package org.warctrail.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class ArticleMetadataTest {
    private static ArticleMetadata read(String html, String url) {
        return ArticleMetadata.read(Jsoup.parse(html, url), url);
    }

    @Test
    void jsonLdGraphWinsOverMetaTags() {
        String html = """
                <html><head>
                <meta property="og:title" content="OG title">
                <meta property="article:published_time" content="2016-09-18T00:00:00Z">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                  {"@type":"WebSite","@id":"https://rt.example/#site","name":"RT International"},
                  {"@type":"Person","@id":"https://rt.example/#p1","name":"Jane Roe"},
                  {"@type":["NewsArticle"],"headline":"Russia contacted US twice to stop strike",
                   "datePublished":"2016-09-19T14:02:00+03:00","dateModified":"2016-09-19T16:10:00+03:00",
                   "author":[{"@id":"https://rt.example/#p1"},{"@type":"Person","name":"John Doe"}],
                   "publisher":{"@type":"Organization","name":"RT"},"inLanguage":"en"}
                ]}
                </script></head><body></body></html>""";
        ArticleMetadata m = read(html, "https://rt.example/news/359847/");
        assertEquals("Russia contacted US twice to stop strike", m.title());
        assertEquals(List.of("Jane Roe", "John Doe"), m.authors());
        assertEquals("2016-09-19T14:02:00+03:00", m.published());
        assertEquals("2016-09-19T16:10:00+03:00", m.modified());
        assertEquals("RT", m.siteName());
        assertEquals("en", m.lang());
    }

    @Test
    void jsonLdArrayAndBrokenBlockTolerated() {
        String html = """
                <script type="application/ld+json">{ this is not json </script>
                <script type="application/ld+json">[{"@type":"BreadcrumbList"},
                 {"@type":"BlogPosting","name":"Post name","author":"Ann Author","datePublished":"2020-02-03"}]</script>""";
        ArticleMetadata m = read(html, "https://blog.example/p/1");
        assertEquals("Post name", m.title());
        assertEquals(List.of("Ann Author"), m.authors());
        assertEquals("2020-02-03", m.published());
    }

    @Test
    void openGraphAndArticleTags() {
        String html = """
                <html lang="en_GB"><head><title>Ignored | Site</title>
                <meta property="og:title" content="The headline">
                <meta property="og:site_name" content="Site">
                <meta property="og:url" content="/story/1">
                <meta property="article:published_time" content="2019-05-01T10:00:00+01:00">
                <meta property="article:modified_time" content="2019-05-02T10:00:00Z">
                <meta property="article:author" content="https://www.facebook.com/someone">
                <meta name="author" content="Sam Writer">
                <meta name="description" content="What happened.">
                </head></html>""";
        ArticleMetadata m = read(html, "https://news.example/story/1?utm=x");
        assertEquals("The headline", m.title());
        assertEquals("2019-05-01T10:00:00+01:00", m.published());
        assertEquals("2019-05-02T10:00:00Z", m.modified());
        assertEquals(List.of("Sam Writer"), m.authors(), "a profile URL is not a name");
        assertEquals("https://news.example/story/1", m.canonical());
        assertEquals("What happened.", m.description());
        assertEquals("en-GB", m.lang());
    }

    @Test
    void dublinCoreAndCanonical() {
        String html = """
                <head><meta name="DC.title" content="DC title"><meta name="DC.date.issued" content="2015-03-04">
                <meta name="DC.creator" content="Ruth Archivist"><meta http-equiv="content-language" content="fr">
                <link rel="canonical" href="https://origin.example/a/b"></head>""";
        ArticleMetadata m = read(html, "https://mirror.example/x");
        assertEquals("DC title", m.title());
        assertEquals("2015-03-04", m.published());
        assertEquals(List.of("Ruth Archivist"), m.authors());
        assertEquals("https://origin.example/a/b", m.canonical());
        assertEquals("fr", m.lang());
    }

    @Test
    void timeElementBylineAndTitleFallback() {
        String html = """
                <html><head><title>Storm hits coast - Daily Paper</title><meta property="og:site_name" content="Daily Paper"></head>
                <body><article><h1>Storm hits coast</h1><p class="byline">By Alex Reporter and Kim Writer</p>
                <time datetime="2021-11-05T07:30:00Z">5 Nov</time></article></body></html>""";
        ArticleMetadata m = read(html, "https://paper.example/storm");
        assertEquals("Storm hits coast", m.title());
        assertEquals(List.of("Alex Reporter", "Kim Writer"), m.authors());
        assertEquals("2021-11-05T07:30:00Z", m.published());
    }

    @Test
    void bylineProseDateThenUrlDate() {
        ArticleMetadata prose = read("<div class=\"post-date\">Posted on September 19, 2016 by admin</div>", "https://b.example/x");
        assertEquals("2016-09-19", prose.published());
        ArticleMetadata fromUrl = read("<p>no dates here</p>", "https://b.example/2016/09/20/revealed-russia/");
        assertEquals("2016-09-20", fromUrl.published());
        assertEquals("2014-01-31", ArticleMetadata.urlDate("https://c.example/news/20140131/story"));
        assertEquals("2018-07-04", ArticleMetadata.urlDate("https://c.example/2018-07-04-story"));
        assertNull(ArticleMetadata.urlDate("https://c.example/product/123456789"));
    }

    @Test
    void dateForms() {
        assertEquals("2016-09-19T12:00:00Z", IsoDates.normalize("Mon, 19 Sep 2016 12:00:00 GMT"));
        assertEquals("2016-09-19", IsoDates.normalize("19 September 2016"));
        assertEquals("2016-09-19", IsoDates.normalize("Sept. 19th, 2016"));
        assertEquals("2016-09-19", IsoDates.normalize("2016-09-19 10:00:00"), "no zone: the date only");
        assertEquals("2016-09-19T10:00:00+02:00", IsoDates.normalize("2016-09-19T10:00:00.123+0200"));
        assertEquals("2016-09-19", IsoDates.normalize("2016/09/19"));
        assertNull(IsoDates.normalize("yesterday"));
        assertNull(IsoDates.normalize("1066-10-14"));
    }
}
