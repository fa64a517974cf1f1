package org.warctrail.extract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * The {@code articleBody} a page states in its JSON-LD, as a bag of words: a check on the container the
 * scorer picked, and a guide to the right one when the pick shares little with it. The statement is
 * not used as the text itself: it is often truncated, loses paragraphs, and has no elements.
 */
final class ArticleBodyHint {
    // parsed once: jsoup parses a query string on every select
    private static final Evaluator JSON_LD = Selector.evaluatorOf("script[type=application/ld+json]");

    /** Strict JSON, unlike {@link JsonLdArticle}'s reading: a lenient one would change which pages get a hint. */
    private static final JsonFactory JSON = new JsonFactory();
    /** Shorter statements are teasers or truncated bodies (some sites cut articleBody at ~500 characters). */
    private static final int MIN_WORDS = 150;

    private final Map<String, Integer> words;
    private final int total;

    private ArticleBodyHint(Map<String, Integer> words) {
        this.words = words;
        this.total = words.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The hint of a page, or null when it states no articleBody of some length. */
    static ArticleBodyHint of(PageElements page) {
        for (Element script : page.select(JSON_LD, "script")) {
            String body;
            try (JsonParser parser = JSON.createParser(script.data())) {
                body = find(JsonTree.read(parser));
            } catch (java.io.IOException | RuntimeException malformed) {
                continue; // JSON-LD is hand-written often enough to be broken; the page still has its HTML
            }
            if (body == null) continue;
            Map<String, Integer> words = bag(org.jsoup.parser.Parser.unescapeEntities(body, false));
            if (words.values().stream().mapToInt(Integer::intValue).sum() >= MIN_WORDS) return new ArticleBodyHint(words);
        }
        return null;
    }

    private static String find(Object node) {
        if (JsonTree.get(node, "articleBody") instanceof String body) return body;
        for (Object child : JsonTree.children(node)) {
            String found = find(child);
            if (found != null) return found;
        }
        return null;
    }

    /** Share of the stated body's words that the text holds. */
    double recall(String text) {
        return overlap(bag(text)) / (double) total;
    }

    /** Harmonic mean of the shares of each side's words found in the other. */
    double f1(String text) {
        Map<String, Integer> other = bag(text);
        int otherTotal = other.values().stream().mapToInt(Integer::intValue).sum();
        if (otherTotal == 0) return 0;
        double common = overlap(other);
        double p = common / otherTotal;
        double r = common / total;
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private int overlap(Map<String, Integer> other) {
        int common = 0;
        for (Map.Entry<String, Integer> e : other.entrySet()) {
            common += Math.min(e.getValue(), words.getOrDefault(e.getKey(), 0));
        }
        return common;
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        for (String word : TitleText.key(text).split(" ")) {
            if (!word.isEmpty()) bag.merge(word, 1, Integer::sum);
        }
        return bag;
    }
}
