package org.warctrail.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The metadata of an HTML page. Each field takes the first source that has it, in order of trust:
 * JSON-LD, OpenGraph and {@code article:*}, Dublin Core and other meta tags, {@code <time datetime>}, the
 * byline, the URL. Dates are ISO 8601.
 */
record ArticleMetadata(String title, List<String> authors, String published, String modified,
                              String canonical, String siteName, String description, String lang) {
    // parsed once: jsoup parses a query string on every select
    private static final Evaluator CANONICAL_LINK = Selector.evaluatorOf("link[rel~=(?i)^canonical$][href]");
    private static final Evaluator PUBLISHED_TIME = Selector.evaluatorOf("time[pubdate][datetime], time.published[datetime], time.entry-date[datetime], "
            + "article time[datetime], header time[datetime]");
    private static final Evaluator ANY_TIME = Selector.evaluatorOf("time[datetime]");
    private static final Evaluator META_CONTENT = Selector.evaluatorOf("meta[content]");
    private static final Evaluator AUTHOR = Selector.evaluatorOf("[rel=author], [itemprop=author], .byline, .author, .author-name, .byline-name");
    private static final Evaluator ITEMPROP_NAME = Selector.evaluatorOf("[itemprop=name]");
    private static final Map<String, Evaluator> ITEMPROPS = Map.of(
            "datePublished", Selector.evaluatorOf("[itemprop=datePublished]"),
            "dateModified", Selector.evaluatorOf("[itemprop=dateModified]"));
    private static final Pattern URL_DATE = Pattern.compile(
            "/((?:19|20)\\d{2})[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\\d|3[01])(?:[/-]|$)|/((?:19|20)\\d{2})(0[1-9]|1[0-2])([012]\\d|3[01])/");
    private static final Pattern BY = Pattern.compile(
            "(?i)^\\s*(?:(?:written|analysis|opinion|commentary|review|story|reporting|text|words|interview|column)\\s+)?by[:\\s]+");
    /** Degrees and credentials written after a name ("Ilana Muhlstein, MS, RDN"): not authors. */
    private static final Set<String> CREDENTIALS = Set.of("ms", "ma", "mba", "msc", "bsc", "ba", "bs", "rd", "rdn", "ld",
            "ldn", "cdn", "cde", "cdces", "phd", "md", "do", "rn", "np", "pa", "pa-c", "mph", "dds", "dmd", "dvm", "pharmd",
            "psyd", "jd", "esq", "cpa", "cfp", "cfa", "lcsw", "lmft", "msw", "bsn", "cpt", "cscs", "facs", "faap", "facp",
            "frcp", "mrcp", "mbbs", "edd", "med", "jr", "sr", "ii", "iii", "iv");
    /** Words of a job title or desk ("AP Auto Writer", "Staff Reporter"): such a part is not a name. */
    private static final Pattern JOB = Pattern.compile("(?i)\\b(writer|reporter|correspondent|editor|editors|staff|"
            + "contributor|contributing|columnist|producer|bureau|chief|desk|newsroom|journalist|"
            + "critic|photographer|special to)\\b");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final List<String> META_KEYS = List.of("property", "name", "itemprop", "http-equiv");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-–—:»·]\\s+");

    public ArticleMetadata {
        authors = List.copyOf(authors);
    }

    public static ArticleMetadata read(org.jsoup.nodes.Document doc, String url) {
        return read(PageElements.of(doc), url);
    }

    static ArticleMetadata read(PageElements page, String url) {
        org.jsoup.nodes.Document doc = page.document();
        JsonLdArticle ld = JsonLdArticle.read(page);
        Map<String, String> metas = metaContents(page);
        String siteName = first(ld == null ? null : ld.siteName(), metas.get("og:site_name"), metas.get("application-name"));
        // each field's costlier sources (walks of the whole page) are read only when the cheaper ones are silent
        String title = first(ld == null ? null : ld.headline(), metas.get("og:title"), metas.get("twitter:title"),
                metas.get("dc.title"), metas.get("dcterms.title"), metas.get("headline"));
        if (title == null) title = first(titleFromPage(page, siteName));

        List<String> authors = ld == null ? List.of() : ld.authors();
        if (authors.isEmpty()) authors = metaAuthors(page);
        if (authors.isEmpty()) authors = bylineAuthors(page);

        String published = first(ld == null ? null : ld.published(),
                date(metas.get("article:published_time")), date(metas.get("og:published_time")),
                date(metas.get("dc.date.issued")), date(metas.get("dcterms.issued")), date(metas.get("dcterms.created")),
                date(metas.get("dc.date.created")), date(metas.get("dc.date")), date(metas.get("dcterms.date")),
                date(metas.get("citation_publication_date")), date(metas.get("citation_date")),
                date(metas.get("pubdate")), date(metas.get("publishdate")), date(metas.get("publish_date")),
                date(metas.get("date")), date(metas.get("sailthru.date")), date(metas.get("parsely-pub-date")));
        if (published == null) published = first(date(itemprop(page, "datePublished")), timeElement(doc));
        if (published == null) published = first(bylineDate(page), urlDate(url));
        String modified = first(ld == null ? null : ld.modified(),
                date(metas.get("article:modified_time")), date(metas.get("og:updated_time")),
                date(metas.get("dcterms.modified")), date(metas.get("dc.date.modified")), date(metas.get("last-modified")));
        if (modified == null) modified = first(date(itemprop(page, "dateModified")));

        String canonical = first(absolute(doc, page.selectFirst(CANONICAL_LINK, "link"), "href"),
                absoluteValue(doc, metas.get("og:url")));
        String description = first(ld == null ? null : ld.description(), metas.get("og:description"),
                metas.get("description"), metas.get("twitter:description"), metas.get("dc.description"));
        String lang = first(PageLanguage.declared(doc), ld == null ? null : ld.language());
        return new ArticleMetadata(title, authors, published, modified, canonical, siteName, description, lang);
    }

    /**
     * The content of each {@code <meta>} by its name, property, itemprop or http-equiv (lower case): the first
     * non-empty one in document order, as a reader of one key would find it; read in one walk of the page.
     */
    static Map<String, String> metaContents(PageElements page) {
        Map<String, String> contents = new HashMap<>();
        for (Element m : page.tagged("meta")) {
            String content = m.attr("content");
            if (content.isBlank()) continue;
            String v = WHITESPACE.matcher(content).replaceAll(" ").strip();
            for (String attribute : META_KEYS) {
                String key = m.attr(attribute);
                if (!key.isEmpty()) contents.putIfAbsent(key.toLowerCase(Locale.ROOT), v);
            }
        }
        return contents;
    }

    private static String itemprop(PageElements page, String prop) {
        Element e = page.selectFirstAny(ITEMPROPS.get(prop));
        if (e == null) return null;
        for (String attr : List.of("content", "datetime")) if (e.hasAttr(attr)) return e.attr(attr);
        return e.text();
    }

    private static String timeElement(org.jsoup.nodes.Document doc) {
        Element t = doc.selectFirst(PUBLISHED_TIME);
        if (t == null) t = doc.selectFirst(ANY_TIME);
        return t == null ? null : date(t.attr("datetime"));
    }

    /**
     * The first date in the text of an element whose class says byline, dateline, date, posted, published or meta,
     * or whose id says byline or date (anywhere in the name, any case). A walk of the page with a scan of each name,
     * where the selector "[class~=(?i)(...)]" ran a regular expression over every element's class.
     */
    private static String bylineDate(PageElements page) {
        for (Element e : page.all()) {
            if (!containsFolded(e.attr("class"), BYLINE_CLASS_WORDS) && !containsFolded(e.attr("id"), BYLINE_ID_WORDS)) continue;
            String text = e.ownText().isBlank() ? e.text() : e.ownText();
            if (text.length() > 200) continue;
            String iso = IsoDates.findInText(text);
            if (iso != null) return iso;
        }
        return null;
    }

    private static final String[] BYLINE_CLASS_WORDS = {"byline", "dateline", "date", "posted", "published", "meta"};
    private static final String[] BYLINE_ID_WORDS = {"byline", "date"};

    /**
     * Whether the text holds one of the lower-case ASCII words, case folded as jsoup's selector regexes (RE2) fold
     * under (?i): ASCII letters, and also 'ſ' for s and the Kelvin sign for k.
     */
    static boolean containsFolded(String text, String[] words) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            for (String w : words) {
                if (i + w.length() > n) continue;
                int j = 0;
                while (j < w.length() && folded(text.charAt(i + j)) == w.charAt(j)) j++;
                if (j == w.length()) return true;
            }
        }
        return false;
    }

    private static char folded(char c) {
        if (c >= 'A' && c <= 'Z') return (char) (c + ('a' - 'A'));
        if (c == '\u017F') return 's';
        if (c == '\u212A') return 'k';
        return c;
    }

    /** A date in the URL path: /2016/09/19/, /2016-09-19, /20160919/. */
    static String urlDate(String url) {
        if (url == null) return null;
        String path;
        try {
            path = URI.create(url.replace(" ", "%20")).getPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (path == null) return null;
        Matcher m = URL_DATE.matcher(path);
        if (!m.find()) return null;
        String iso = m.group(1) != null
                ? String.format(Locale.ROOT, "%s-%02d-%02d", m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)))
                : m.group(4) + "-" + m.group(5) + "-" + m.group(6);
        return IsoDates.normalize(iso);
    }

    private static List<String> metaAuthors(PageElements page) {
        Set<String> out = new LinkedHashSet<>();
        for (Element m : page.select(META_CONTENT, "meta")) {
            String key = (m.attr("name") + m.attr("property")).toLowerCase(Locale.ROOT);
            if (key.equals("author") || key.equals("article:author") || key.equals("dc.creator")
                    || key.equals("dcterms.creator") || key.equals("citation_author") || key.equals("parsely-author")
                    || key.equals("sailthru.author")) {
                out.addAll(splitNames(m.attr("content")));
            }
        }
        return new ArrayList<>(out);
    }

    private static List<String> bylineAuthors(PageElements page) {
        Set<String> out = new LinkedHashSet<>();
        for (Element e : page.selectAny(AUTHOR)) {
            Element name = e.selectFirst(ITEMPROP_NAME);
            if (name != null) e = name;
            String text = e.text();
            if (text.length() > 100 || text.isBlank()) continue;
            out.addAll(splitNames(text));
            if (!out.isEmpty()) break;
        }
        return new ArrayList<>(out);
    }

    /** "By Jane Doe and John Roe, Staff" → [Jane Doe, John Roe]; URLs and handles are not names. */
    static List<String> splitNames(String raw) {
        List<String> out = new ArrayList<>();
        String s = BY.matcher(raw).replaceFirst("");
        s = s.replaceAll("(?i)\\b(updated|published|posted)\\b.*$", "");
        // a part after a comma may be a title or credential of the name before it ("TOM KRISHER, AP Auto Writer",
        // "Ilana Muhlstein, MS, RDN"); a part after "and" is another name
        Matcher separators = NAME_SEPARATOR.matcher(s);
        int from = 0;
        boolean afterComma = false;
        while (from <= s.length()) {
            boolean found = separators.find();
            int end = found ? separators.start() : s.length();
            String name = s.substring(from, end).replaceAll("\\s+", " ").strip();
            if (isName(name, afterComma)) out.add(capitalised(name));
            if (!found) break;
            afterComma = separators.group().strip().matches("[,;|]");
            from = separators.end();
        }
        return out;
    }

    private static final Pattern NAME_SEPARATOR = Pattern.compile("\\s*(?:,|;|\\band\\b|&|\\|)\\s*");

    private static boolean isName(String name, boolean afterComma) {
        if (name.isEmpty() || name.contains("://") || name.startsWith("@") || name.length() > 60) return false;
        if (IsoDates.findInText(name) != null || !Character.isLetterOrDigit(name.charAt(0))) return false;
        if (name.split(" ").length > 5) return false;
        if (CREDENTIALS.contains(name.replace(".", "").toLowerCase(java.util.Locale.ROOT))) return false;
        return !(afterComma && JOB.matcher(name).find());
    }

    /** A name written in capitals ("TOM KRISHER") as a name is written ("Tom Krisher"); others unchanged. */
    static String capitalised(String name) {
        if (!name.equals(name.toUpperCase(java.util.Locale.ROOT)) || !name.matches("[\\p{L}.'’-]+(?: [\\p{L}.'’-]+)+")) return name;
        StringBuilder out = new StringBuilder(name.length());
        boolean start = true;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            out.appendCodePoint(start ? cp : Character.toLowerCase(cp));
            start = !Character.isLetter(cp);
            i += Character.charCount(cp);
        }
        return out.toString();
    }

    /** The {@code <title>} minus a trailing or leading site name, or the page's single {@code <h1>}. */
    private static String titleFromPage(PageElements page, String siteName) {
        String title = page.document().title().replaceAll("\\s+", " ").strip();
        var h1s = page.tagged("h1");
        if (h1s.size() == 1 && !h1s.get(0).text().isBlank() && (title.isEmpty() || title.contains(h1s.get(0).text().strip()))) {
            return h1s.get(0).text().strip();
        }
        if (title.isEmpty()) return h1s.isEmpty() ? null : h1s.get(0).text().strip();
        String[] parts = TITLE_SEPARATOR.split(title);
        if (parts.length > 1) {
            String last = parts[parts.length - 1], head = parts[0];
            if (siteName != null && last.equalsIgnoreCase(siteName)) return title.substring(0, title.length() - last.length()).replaceAll("\\s+[|\\-–—:»·]\\s*$", "").strip();
            if (siteName != null && head.equalsIgnoreCase(siteName)) return title.substring(head.length()).replaceAll("^\\s*[|\\-–—:»·]\\s+", "").strip();
        }
        return title;
    }

    private static String absolute(org.jsoup.nodes.Document doc, Element e, String attr) {
        if (e == null) return null;
        String abs = new UrlResolver(doc.baseUri()).resolve(e.attr(attr));
        return abs.isEmpty() ? null : abs;
    }

    private static String absoluteValue(org.jsoup.nodes.Document doc, String value) {
        if (value == null) return null;
        String abs = new UrlResolver(doc.baseUri()).resolve(value);
        return abs.isEmpty() ? null : abs;
    }

    private static String date(String raw) {
        return IsoDates.normalize(raw);
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) if (v != null && !(v instanceof String s && s.isBlank())) return v;
        return null;
    }
}
