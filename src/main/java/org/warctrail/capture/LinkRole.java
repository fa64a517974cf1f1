package org.warctrail.capture;

/** Why the crawler would fetch a discovered URL. */
public enum LinkRole {
    /** Needed to render the page: images, CSS, scripts, fonts, icons. Fetched at the page's depth. */
    REQUISITE,
    /** A link the page cites as a source (continuation, citation, attribution, image credit, canonical, syndication). */
    SOURCE,
    /** Any other hyperlink (navigation, social, advert, plain links). */
    OTHER
}
