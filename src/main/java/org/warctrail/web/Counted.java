package org.warctrail.web;

/** A count with its noun, singular for one ("1 version", "3 versions"). */
public final class Counted {
    private Counted() {
    }

    public static String of(long n, String noun) {
        return n + " " + (n == 1 ? noun : noun + "s");
    }
}
