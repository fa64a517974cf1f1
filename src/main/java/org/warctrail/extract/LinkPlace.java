package org.warctrail.extract;

import java.util.Locale;

/** Where on the page a link stands. */
public enum LinkPlace {
    MAIN, CAPTION, NAVIGATION, SIDEBAR, FOOTER, SHARE_BAR, HEAD, OTHER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LinkPlace parse(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
