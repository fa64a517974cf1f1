package org.warctrail.extract;

import java.util.Locale;
import java.util.Set;

/**
 * What kind of payload a Content-Type (or, when it is missing or generic, the bytes) names: HTML for the
 * Jsoup path, a document for Tika, or something that is not a document (images, styles, scripts, media,
 * fonts, archives, data), which the extractor skips.
 */
final class PayloadTypes {
    private static final Set<String> GENERIC = Set.of("", "application/octet-stream", "binary/octet-stream",
            "application/unknown", "unknown/unknown", "application/x-unknown-content-type", "application/force-download",
            "application/download");
    private static final Set<String> NOT_DOCUMENTS = Set.of("text/css", "text/javascript", "application/javascript",
            "application/x-javascript", "application/ecmascript", "text/ecmascript", "application/json",
            "application/ld+json", "application/manifest+json", "application/wasm", "application/zip",
            "application/gzip", "application/x-gzip", "application/x-tar", "application/x-7z-compressed",
            "application/vnd.rar", "application/x-rar-compressed", "application/x-bzip2", "application/x-xz",
            "application/java-archive", "application/x-shockwave-flash", "application/vnd.ms-fontobject",
            "application/x-font-ttf", "application/font-woff", "application/x-font-woff", "text/vtt",
            "application/x-mpegurl", "application/vnd.apple.mpegurl", "application/dash+xml");

    private PayloadTypes() {
    }

    /** The media type without parameters, lower case ("" for null). */
    static String base(String contentType) {
        if (contentType == null) return "";
        int semi = contentType.indexOf(';');
        return (semi < 0 ? contentType : contentType.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    static boolean isGeneric(String contentType) {
        return GENERIC.contains(base(contentType));
    }

    static boolean isHtml(String contentType, byte[] payload) {
        String t = base(contentType);
        if (t.equals("text/html") || t.equals("application/xhtml+xml") || t.equals("application/vnd.wap.xhtml+xml")) return true;
        return (GENERIC.contains(t) || t.equals("text/plain")) && looksLikeHtml(payload);
    }

    static boolean isDocument(String contentType) {
        String t = base(contentType);
        if (NOT_DOCUMENTS.contains(t)) return false;
        return !(t.startsWith("image/") || t.startsWith("audio/") || t.startsWith("video/") || t.startsWith("font/")
                || t.startsWith("model/"));
    }

    /** Whether the first bytes are markup a browser would render as HTML (the WHATWG sniffing tags). */
    static boolean looksLikeHtml(byte[] payload) {
        int n = Math.min(payload.length, 1024);
        String head = new String(payload, 0, n, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("\uFEFF", "").replace("ï»¿", "").stripLeading().toLowerCase(Locale.ROOT);
        for (String tag : new String[] {"<!doctype html", "<html", "<head", "<body", "<script", "<iframe", "<h1",
                "<div", "<font", "<table", "<a ", "<style", "<title", "<b>", "<br", "<p>", "<!--"}) {
            if (head.startsWith(tag)) return true;
        }
        return head.startsWith("<?xml") && head.contains("<html");
    }
}
