package org.warctrail.extract;

import org.jsoup.Jsoup;

/**
 * The main-text step of the {@link Extractor} alone, for the extraction benchmark: decode, parse and
 * {@link MainTextExtractor} (what Readability.js does of a page), without metadata, links, quotes or language.
 */
public final class MainTextStep {
    private final MainTextExtractor mainText = new MainTextExtractor();

    /** The main text of an HTML page's bytes, paragraphs separated by a blank line. */
    public String text(String url, byte[] html) {
        String decoded = CharsetDetection.decode(html, "text/html", true);
        return mainText.extract(Jsoup.parse(decoded, url == null ? "" : url)).text();
    }
}
