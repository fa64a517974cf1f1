package org.warctrail.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Rewrites an archived HTML page for replay in the frame: every URL the page cites (attributes, srcset,
 * inline and embedded CSS, meta refresh, base) points into the archive, so the page never reaches the live
 * web; what is left unrewritten (script-built URLs) is blocked by the frame's CSP.
 *
 * <p>This parses HTML outside {@code extract} on purpose: rewriting is replay, not extraction.
 */
final class HtmlRewriter {
    /** Attributes holding one URL. */
    private static final Set<String> URL_ATTRIBUTES = Set.of("src", "href", "action", "formaction", "poster",
            "background", "data", "cite", "longdesc", "manifest", "icon", "codebase", "lowsrc", "dynsrc",
            "xlink:href", "profile", "data-src", "data-href", "data-original", "data-lazy-src", "data-url");
    private static final Set<String> SRCSET_ATTRIBUTES = Set.of("srcset", "imagesrcset", "data-srcset");
    /**
     * Attributes that would reach the live web or fail against rewritten content, and mean nothing in replay; a
     * referrer policy would hide from the server which replayed page asked (its fallback for unmapped URLs).
     */
    private static final Set<String> DROPPED_ATTRIBUTES = Set.of("integrity", "ping", "nonce", "referrerpolicy");
    private static final Pattern REFRESH_URL =
            Pattern.compile("^(\\s*\\d*\\.?\\d*\\s*[;,]\\s*(?:url\\s*=\\s*)?)(['\"]?)(.*?)\\2\\s*$",
                    Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /**
     * Link relations that open connections or documents ahead of use: a connection hint (preconnect,
     * dns-prefetch) reaches a host without any request a CSP could stop, and the others serve nothing in replay.
     */
    private static final Set<String> HINT_RELS = Set.of("preconnect", "dns-prefetch", "prerender", "prefetch",
            "next");
    /** The script every replayed page runs first (web/static/replay-urls.js): script-made URLs into the archive. */
    static final String URLS_SCRIPT = "/static/replay-urls.js";
    /** The script every replayed page runs second (web/static/replay-guard.js). */
    static final String GUARD_SCRIPT = "/static/replay-guard.js";
    private static final Pattern ABSOLUTE = Pattern.compile("^\\s*(?:https?:)?//[^\\s]+\\s*$", Pattern.CASE_INSENSITIVE);

    private HtmlRewriter() {
    }

    /**
     * Parses and rewrites a page.
     *
     * @param in       the decoded payload (content coding already undone)
     * @param charset  the charset the HTTP headers declared, or null to detect (BOM, meta, else UTF-8)
     * @param pageUrl  the archived URL of the page
     * @return the rewritten page, to be sent as UTF-8
     */
    public static String rewrite(InputStream in, String charset, String pageUrl, String timestamp)
            throws IOException {
        Document doc = Jsoup.parse(in, supported(charset), pageUrl);
        rewrite(doc, new ArchiveUrls(timestamp, pageUrl));
        doc.outputSettings().prettyPrint(false);
        doc.charset(StandardCharsets.UTF_8);
        return doc.outerHtml();
    }

    private static String supported(String charset) {
        try {
            return charset != null && Charset.isSupported(charset) ? charset : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static void rewrite(Document doc, ArchiveUrls urls) {
        Element base = doc.selectFirst("base[href]");
        if (base != null) {
            String abs = urls.absolute(base.attr("href"));
            if (abs != null) {
                urls.base(abs);
                base.attr("href", urls.rewrite(abs));
            }
        }
        for (Element el : doc.getAllElements()) {
            if (el == base) continue;
            rewriteAttributes(el, urls);
            String tag = el.normalName();
            if (tag.equals("style")) {
                for (DataNode data : el.dataNodes()) data.setWholeData(CssRewriter.rewrite(data.getWholeData(), urls));
            } else if (tag.equals("meta")) {
                rewriteMeta(el, urls);
            }
        }
        // First in the page, before any archived script: closes WebRTC and script-made connection hints.
        doc.head().prependElement("script").attr("src", GUARD_SCRIPT);
        doc.head().prependElement("script").attr("src", URLS_SCRIPT);
        // Speculation rules prefetch and prerender whole pages, outside the page's CSP: never replayed.
        doc.select("script[type]").forEach(script -> {
            if (script.attr("type").strip().equalsIgnoreCase("speculationrules")) script.remove();
        });
        doc.select("link[rel]").forEach(HtmlRewriter::dropHints);
        // Archived CSP could block the rewritten URLs; the replay's own CSP header is what protects the reader.
        doc.select("meta[http-equiv]").forEach(m -> {
            String equiv = m.attr("http-equiv").toLowerCase(Locale.ROOT);
            if (equiv.contains("content-security-policy") || equiv.equals("set-cookie")) m.remove();
        });
        doc.select("meta[name]").forEach(m -> {
            if (m.attr("name").strip().equalsIgnoreCase("referrer")) m.remove();
        });
    }

    private static void rewriteAttributes(Element el, ArchiveUrls urls) {
        List<String> drop = new ArrayList<>();
        for (Attribute attr : el.attributes()) {
            String name = attr.getKey().toLowerCase(Locale.ROOT);
            String value = attr.getValue();
            if (DROPPED_ATTRIBUTES.contains(name)) {
                drop.add(attr.getKey());
            } else if (URL_ATTRIBUTES.contains(name)) {
                attr.setValue(urls.rewrite(value));
            } else if (SRCSET_ATTRIBUTES.contains(name)) {
                attr.setValue(SrcsetRewriter.rewrite(value, urls));
            } else if (name.equals("style")) {
                attr.setValue(CssRewriter.rewrite(value, urls));
            } else if (name.equals("target") && isTopTarget(value)) {
                // The sandbox forbids top navigation and popups; keep the link working inside the frame.
                attr.setValue("_self");
            } else if (!name.startsWith("xmlns") && ABSOLUTE.matcher(value).matches()) {
                attr.setValue(urls.rewrite(value)); // og:image content, data-* and other absolute URLs
            }
        }
        drop.forEach(el::removeAttr);
    }

    /** Removes the connection and speculation hints from a link's rel; a link left with no relation goes. */
    private static void dropHints(Element link) {
        List<String> kept = new ArrayList<>();
        for (String rel : link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (!rel.isEmpty() && !HINT_RELS.contains(rel)) kept.add(rel);
        }
        if (kept.isEmpty()) link.remove();
        else link.attr("rel", String.join(" ", kept));
    }

    /** Targets outside the frame: the top window, the parent, or a new window. */
    private static boolean isTopTarget(String target) {
        String t = target.trim().toLowerCase(Locale.ROOT);
        return t.equals("_top") || t.equals("_parent") || t.equals("_blank");
    }

    private static void rewriteMeta(Element meta, ArchiveUrls urls) {
        if (!meta.attr("http-equiv").equalsIgnoreCase("refresh")) return;
        Matcher m = REFRESH_URL.matcher(meta.attr("content"));
        if (m.matches() && !m.group(3).isBlank()) {
            meta.attr("content", m.group(1) + urls.rewrite(m.group(3)));
        }
    }
}
