package org.warctrail.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Picks the container of the article, in the manner of Readability: every paragraph-like block gives
 * its ancestors a score (more for commas and length, less for links), the containers' scores are
 * weighted by tag, class/id and link density, and the best container is widened to an ancestor that
 * holds several good candidates, then joined by its siblings that look like more of the same article.
 */
final class ContentScorer {

    private static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|rich-?text");
    private static final Pattern NEGATIVE = Pattern.compile(
            "hidden|banner|combx|comment|com-|contact|foot|footnote|masthead|media|meta|outbrain|promo|related"
            + "|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|card|list");
    private static final int ANCESTOR_LEVELS = 5;
    private static final double SIBLING_LINK_DENSITY = 0.25;
    /** How many of the best candidates are compared with a JSON-LD articleBody (each costs its text). */
    private static final int HINT_CANDIDATES = 25;

    private final PageTextStats stats;
    private final Map<Element, Double> scores = new IdentityHashMap<>();
    /** The undivided contributions of all paragraphs below an element, however deep. */
    private final Map<Element, Double> content = new IdentityHashMap<>();

    ContentScorer(PageTextStats stats) {
        this.stats = stats;
    }

    /** The article's container and the siblings that continue it, in document order; empty if nothing scored. */
    List<Element> pick(Element bonusElement) {
        score(stats.root());
        if (bonusElement != null && scores.containsKey(bonusElement)) {
            scores.merge(bonusElement, 0.0, (a, b) -> a + Math.max(25, a));
        }
        if (scores.isEmpty()) return List.of();
        for (Map.Entry<Element, Double> e : scores.entrySet()) {
            e.setValue(e.getValue() * (1 - stats.of(e.getKey()).linkDensity()));
        }
        List<Element> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        Element top = widen(ranked);
        double topScore = scores.getOrDefault(top, 0.0);
        // A lone child stands for its parent, whose siblings may continue the article.
        while (top.parent() != null && !top.parent().normalName().equals("body") && liveChildren(top.parent()) == 1) {
            top = top.parent();
        }
        return withSiblings(top, topScore);
    }

    /** Among the best scored containers, the one whose text is closest to the page's stated article body. */
    Element closestTo(ArticleBodyHint hint) {
        Element best = null;
        double bestF1 = 0;
        List<Element> ranked = new ArrayList<>(scores.keySet());
        ranked.sort((a, b) -> Double.compare(scores.get(b), scores.get(a)));
        for (Element candidate : ranked.subList(0, Math.min(HINT_CANDIDATES, ranked.size()))) {
            double f1 = hint.f1(candidate.text());
            if (f1 > bestF1) {
                bestF1 = f1;
                best = candidate;
            }
        }
        return best;
    }

    double scoreOf(Element e) {
        return scores.getOrDefault(e, 0.0);
    }

    private void score(Element e) {
        for (Element child : e.children()) {
            if (stats.isDropped(child)) continue;
            score(child);
        }
        if (PageTextStats.isInline(e)) return;
        PageTextStats.Stats s = stats.of(e);
        if (s.inline < PageTextStats.PARAGRAPH_MIN || isHeading(e)) return;
        double inlineLinkShare = Math.min(1, (double) s.link / Math.max(1, s.text));
        double contribution = (1 + s.commas + Math.min(s.inline / 100.0, 3)) * (1 - inlineLinkShare);
        // Text mixed with block children is a run of paragraphs whose container is the element itself.
        Element target = s.blockChild ? e : e.parent();
        for (int level = 0; level < ANCESTOR_LEVELS && target != null; level++, target = target.parent()) {
            if (target.normalName().equals("html")) break;
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            scores.put(target, scores.computeIfAbsent(target, this::initialScore) + contribution / divider);
        }
        for (Element a = s.blockChild ? e : e.parent(); a != null; a = a.parent()) {
            content.merge(a, contribution, Double::sum);
        }
    }

    private double initialScore(Element e) {
        double score = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return score + classWeight(e);
    }

    static double classWeight(Element e) {
        double weight = 0;
        for (String name : new String[] {e.className(), e.id()}) {
            if (name.isEmpty()) continue;
            String lower = name.toLowerCase(Locale.ROOT);
            if (NEGATIVE.matcher(lower).find()) weight -= 25;
            if (POSITIVE.matcher(lower).find()) weight += 25;
        }
        if ("articleBody".equals(e.attr("itemprop"))) weight += 25;
        return weight;
    }

    static boolean isHeading(Element e) {
        String n = e.normalName();
        return n.length() == 2 && n.charAt(0) == 'h' && n.charAt(1) >= '1' && n.charAt(1) <= '6';
    }

    /** Readability's two climbs: to an ancestor of several near-best candidates, then to a better parent. */
    private Element widen(List<Element> ranked) {
        Element top = ranked.get(0);
        double topScore = scores.get(top);
        List<Element> alternatives = new ArrayList<>();
        for (int i = 1; i < Math.min(5, ranked.size()); i++) {
            if (scores.get(ranked.get(i)) >= 0.75 * topScore) alternatives.add(ranked.get(i));
        }
        // Several <article>s scoring alike are separate stories (a post, then teasers), not parts of one.
        if (alternatives.size() >= 3 && !top.normalName().equals("article")) {
            for (Element parent = top.parent(); parent != null && !parent.normalName().equals("body");
                 parent = parent.parent()) {
                int containing = 0;
                for (Element alt : alternatives) {
                    if (isAncestor(parent, alt)) containing++;
                }
                if (containing >= 3) {
                    top = parent;
                    break;
                }
            }
        }
        double last = scores.getOrDefault(top, 0.0);
        double threshold = last / 3;
        for (Element parent = top.parent(); parent != null && !parent.normalName().equals("body");
             parent = parent.parent()) {
            Double parentScore = scores.get(parent);
            if (parentScore == null) continue;
            if (parentScore < threshold) break;
            if (parentScore > last) {
                top = parent;
                break;
            }
            last = parentScore;
        }
        return top;
    }

    private int liveChildren(Element e) {
        int n = 0;
        for (Element c : e.children()) {
            if (!stats.isDropped(c) && stats.of(c).text > 0) n++;
        }
        return n;
    }

    private List<Element> withSiblings(Element top, double topScore) {
        Element parent = top.parent();
        if (parent == null) return List.of(top);
        double threshold = Math.max(10, topScore * 0.2);
        double deepThreshold = Math.max(10, content.getOrDefault(top, 0.0) * (1 - stats.of(top).linkDensity()) * 0.2);
        List<Element> picked = new ArrayList<>();
        for (Element sibling : parent.children()) {
            if (sibling == top) {
                picked.add(sibling);
                continue;
            }
            if (stats.isDropped(sibling)) continue;
            double bonus = !top.className().isEmpty() && top.className().equals(sibling.className()) ? topScore * 0.2 : 0;
            Double score = scores.get(sibling);
            if (score != null && score + bonus >= threshold) {
                picked.add(sibling);
                continue;
            }
            PageTextStats.Stats s = stats.of(sibling);
            // Readability scores only five levels up; a sibling whose prose sits deeper still counts.
            double deep = content.getOrDefault(sibling, 0.0) * (1 - s.linkDensity());
            if (deep >= deepThreshold && s.linkDensity() < SIBLING_LINK_DENSITY) {
                picked.add(sibling);
                continue;
            }
            if (!s.blockChild && s.inline > 0) {
                double ld = s.linkDensity();
                String text = sibling.text();
                if (s.inline > 80 && ld < 0.25) picked.add(sibling);
                else if (s.inline <= 80 && ld == 0 && (text.contains(". ") || text.endsWith("."))) picked.add(sibling);
            }
        }
        return picked;
    }

    private static boolean isAncestor(Element ancestor, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == ancestor) return true;
        }
        return false;
    }
}
