package org.warctrail.extract;

import java.util.Locale;

/** What a link is to the page that carries it. The names are the JSON and database values. */
public enum LinkKind {
    CONTINUATION, CITATION, ATTRIBUTION, IMAGE_CREDIT, CANONICAL, SYNDICATION,
    REQUISITE, NAVIGATION, SOCIAL, ADVERT,
    /** A plain hyperlink with no stronger signal. */
    LINK;

    /** The kinds a provenance chain and {@code capture --follow sources} follow. */
    public boolean isSource() {
        return switch (this) {
            case CONTINUATION, CITATION, ATTRIBUTION, IMAGE_CREDIT, CANONICAL, SYNDICATION -> true;
            default -> false;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkKind parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
