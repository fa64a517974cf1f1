package org.warctrail.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The article a page describes in its JSON-LD ({@code <script type="application/ld+json">}): the first
 * node typed as an article (NewsArticle, BlogPosting, ...) found in top-level objects, arrays and
 * {@code @graph}s, with {@code @id} references (authors, publisher) resolved; a WebPage node when there
 * is no article. Malformed JSON is skipped: pages get it wrong often.
 */
record JsonLdArticle(String headline, List<String> authors, String published, String modified,
                            String siteName, String description, String language) {
    // parsed once: jsoup parses a query string on every select
    private static final Evaluator JSON_LD = Selector.evaluatorOf("script[type~=(?i)application/ld\\+json]");
    private static final JsonFactory JSON = new JsonFactoryBuilder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "blogposting",
            "reportagenewsarticle", "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
            "reviewnewsarticle", "askpublicnewsarticle", "livebloggosting", "liveblogposting", "scholarlyarticle",
            "techarticle", "report", "socialmediaposting", "discussionforumposting", "satiricalarticle", "posting");
    private static final Set<String> PAGE_TYPES = Set.of("webpage", "itempage", "collectionpage", "aboutpage");

    public JsonLdArticle {
        authors = List.copyOf(authors);
    }

    /** The article described by the page's JSON-LD, or null when it has none. */
    public static JsonLdArticle read(org.jsoup.nodes.Document doc) {
        return read(PageElements.of(doc));
    }

    static JsonLdArticle read(PageElements elements) {
        List<Map<?, ?>> nodes = new ArrayList<>();
        for (Element script : elements.select(JSON_LD, "script")) {
            try (JsonParser parser = JSON.createParser(script.data())) {
                Object root = JsonTree.read(parser);
                if (root != null) collect(root, nodes);
            } catch (java.io.IOException | RuntimeException e) {
                // malformed JSON-LD: ignore this block, the others and the meta tags still count
            }
        }
        if (nodes.isEmpty()) return null;
        Map<String, Map<?, ?>> byId = new HashMap<>();
        for (Map<?, ?> n : nodes) if (present(n.get("@id"))) byId.putIfAbsent(JsonTree.text(n.get("@id")), n);
        Map<?, ?> article = first(nodes, ARTICLE_TYPES);
        Map<?, ?> page = first(nodes, PAGE_TYPES);
        Map<?, ?> main = article != null ? article : page;
        if (main == null) return null;
        String headline = text(main, "headline");
        if (headline == null && article != null) headline = text(main, "name");
        List<String> authors = names(main.get("author"), byId);
        if (authors.isEmpty()) authors = names(main.get("creator"), byId);
        String published = IsoDates.normalize(firstText(main, page, "datePublished"));
        if (published == null) published = IsoDates.normalize(firstText(main, page, "dateCreated"));
        String modified = IsoDates.normalize(firstText(main, page, "dateModified"));
        List<String> publisher = names(main.get("publisher"), byId);
        String site = publisher.isEmpty() ? null : publisher.get(0);
        if (site == null) {
            Map<?, ?> website = first(nodes, Set.of("website"));
            if (website != null) site = text(website, "name");
        }
        return new JsonLdArticle(clean(headline), authors, published, modified, clean(site),
                clean(text(main, "description")), language(main.get("inLanguage")));
    }

    private static boolean present(Object value) {
        return value != null && value != JsonTree.NULL;
    }

    private static void collect(Object node, List<Map<?, ?>> out) {
        if (node instanceof List<?> array) {
            for (Object n : array) collect(n, out);
        } else if (node instanceof Map<?, ?> object) {
            out.add(object);
            if (object.containsKey("@graph")) collect(object.get("@graph"), out);
            // an article nested as the page's mainEntity
            if (object.get("mainEntity") instanceof Map<?, ?> entity) collect(entity, out);
        }
    }

    private static Map<?, ?> first(List<Map<?, ?>> nodes, Set<String> types) {
        for (Map<?, ?> n : nodes) {
            Object type = n.get("@type");
            if (type == null) continue;
            if (type instanceof List<?> names) {
                for (Object t : names) if (types.contains(local(JsonTree.text(t)))) return n;
            } else if (types.contains(local(JsonTree.text(type)))) {
                return n;
            }
        }
        return null;
    }

    // "http://schema.org/NewsArticle" and "schema:NewsArticle" name the same type as "NewsArticle"
    private static String local(String type) {
        int cut = Math.max(type.lastIndexOf('/'), type.lastIndexOf(':'));
        return type.substring(cut + 1).toLowerCase(java.util.Locale.ROOT);
    }

    private static String firstText(Map<?, ?> a, Map<?, ?> b, String field) {
        String v = text(a, field);
        return v != null || b == null ? v : text(b, field);
    }

    private static String text(Map<?, ?> node, String field) {
        Object v = node.get(field);
        if (!present(v)) return null;
        if (v instanceof List<?> array) v = array.isEmpty() ? null : array.get(0);
        if (v instanceof Map<?, ?> object) v = object.containsKey("@value") ? object.get("@value") : object.get("name");
        return v == null || v instanceof Map || v instanceof List ? null : JsonTree.text(v);
    }

    private static List<String> names(Object value, Map<String, Map<?, ?>> byId) {
        Set<String> out = new LinkedHashSet<>();
        if (!present(value)) return List.of();
        if (value instanceof List<?> array) {
            for (Object v : array) out.addAll(names(v, byId));
        } else if (value instanceof String s) {
            String name = clean(s);
            if (name != null && !name.startsWith("http")) out.add(name);
        } else if (value instanceof Map<?, ?> object) {
            Map<?, ?> node = object;
            if (!node.containsKey("name") && node.containsKey("@id") && byId.containsKey(JsonTree.text(node.get("@id")))) {
                node = byId.get(JsonTree.text(node.get("@id")));
            }
            String name = text(node, "name");
            if (name == null && node.containsKey("givenName")) {
                name = (JsonTree.text(node.get("givenName")) + " "
                        + (node.containsKey("familyName") ? JsonTree.text(node.get("familyName")) : "")).strip();
            }
            if (clean(name) != null) out.add(clean(name));
        }
        return new ArrayList<>(out);
    }

    private static String language(Object v) {
        if (!present(v)) return null;
        if (v instanceof Map<?, ?> object) v = object.containsKey("alternateName") ? object.get("alternateName") : object.get("name");
        return v == null ? null : PageLanguage.normalize(JsonTree.text(v));
    }
    private static String clean(String s) {
        if (s == null) return null;
        String t = org.jsoup.parser.Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }
}
