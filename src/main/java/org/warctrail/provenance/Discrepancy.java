package org.warctrail.provenance;

/**
 * A figure, quotation or name that differs between a page and its source within a sentence they otherwise share.
 *
 * @param kind         {@code number}, {@code quote} or {@code name}
 * @param here         what the page says ("at least 70 soldiers")
 * @param there        what the source says ("62 Syrian")
 * @param thereVersion the 14-digit timestamp of the source's capture that says {@code there} (its first such
 *                     capture), or null when the source text was not a dated capture
 */
public record Discrepancy(String kind, String here, String there, String thereVersion) {
    public static final String NUMBER = "number";
    public static final String QUOTE = "quote";
    public static final String NAME = "name";

    public Discrepancy at(String version) {
        return new Discrepancy(kind, here, there, version);
    }
}
