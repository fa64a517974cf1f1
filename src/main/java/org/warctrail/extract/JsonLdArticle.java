package org.warctrail.extract;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_SINGLE_QUOTES,
                    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .disable(com.fasterxml.jackson.core.StreamReadFeature.AUTO_CLOSE_SOURCE)
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
        List<JsonNode> nodes = new ArrayList<>();
        for (Element script : elements.select(JSON_LD, "script")) {
            try (JsonParser parser = JSON.createParser(script.data())) {
                JsonNode root = JSON.readTree(parser);
                if (root != null) collect(root, nodes);
            } catch (java.io.IOException | RuntimeException e) {
                // malformed JSON-LD: ignore this block, the others and the meta tags still count
            }
        }
        if (nodes.isEmpty()) return null;
        Map<String, JsonNode> byId = new HashMap<>();
        for (JsonNode n : nodes) if (n.hasNonNull("@id")) byId.putIfAbsent(n.get("@id").asText(), n);
        JsonNode article = first(nodes, ARTICLE_TYPES);
        JsonNode page = first(nodes, PAGE_TYPES);
        JsonNode main = article != null ? article : page;
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
            JsonNode website = first(nodes, Set.of("website"));
            if (website != null) site = text(website, "name");
        }
        return new JsonLdArticle(clean(headline), authors, published, modified, clean(site),
                clean(text(main, "description")), language(main.get("inLanguage")));
    }

    private static void collect(JsonNode node, List<JsonNode> out) {
        if (node.isArray()) {
            for (JsonNode n : node) collect(n, out);
        } else if (node.isObject()) {
            out.add(node);
            if (node.has("@graph")) collect(node.get("@graph"), out);
            // an article nested as the page's mainEntity
            if (node.has("mainEntity") && node.get("mainEntity").isObject()) collect(node.get("mainEntity"), out);
        }
    }

    private static JsonNode first(List<JsonNode> nodes, Set<String> types) {
        for (JsonNode n : nodes) {
            JsonNode type = n.get("@type");
            if (type == null) continue;
            if (type.isArray()) {
                for (JsonNode t : type) if (types.contains(local(t.asText()))) return n;
            } else if (types.contains(local(type.asText()))) {
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

    private static String firstText(JsonNode a, JsonNode b, String field) {
        String v = text(a, field);
        return v != null || b == null ? v : text(b, field);
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isArray()) v = v.size() > 0 ? v.get(0) : null;
        if (v == null) return null;
        if (v.isObject()) v = v.has("@value") ? v.get("@value") : v.get("name");
        return v == null || v.isContainerNode() ? null : v.asText();
    }

    private static List<String> names(JsonNode value, Map<String, JsonNode> byId) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null || value.isNull()) return List.of();
        if (value.isArray()) {
            for (JsonNode v : value) out.addAll(names(v, byId));
        } else if (value.isTextual()) {
            String s = clean(value.asText());
            if (s != null && !s.startsWith("http")) out.add(s);
        } else if (value.isObject()) {
            JsonNode node = value;
            if (!node.has("name") && node.has("@id") && byId.containsKey(node.get("@id").asText())) {
                node = byId.get(node.get("@id").asText());
            }
            String name = text(node, "name");
            if (name == null && node.has("givenName")) {
                name = (node.get("givenName").asText() + " " + (node.has("familyName") ? node.get("familyName").asText() : "")).strip();
            }
            if (clean(name) != null) out.add(clean(name));
        }
        return new ArrayList<>(out);
    }

    private static String language(JsonNode v) {
        if (v == null || v.isNull()) return null;
        if (v.isObject()) v = v.has("alternateName") ? v.get("alternateName") : v.get("name");
        return v == null ? null : PageLanguage.normalize(v.asText());
    }

    private static String clean(String s) {
        if (s == null) return null;
        String t = org.jsoup.parser.Parser.unescapeEntities(s, false).replaceAll("\\s+", " ").strip();
        return t.isEmpty() ? null : t;
    }
}
