package org.warctrail.web;

/** What a memento URL asks for, by the Wayback modifier after its timestamp. */
enum ReplayMode {
    /** {@code /web/{ts}/{url}}: the banner over a sandboxed frame. */
    FRAME(""),
    /** {@code /web/{ts}mp_/{url}}: the archived resource with its URLs rewritten into the archive. */
    REWRITTEN("mp_"),
    /** {@code /web/{ts}id_/{url}}: the archived payload as it was sent. */
    ORIGINAL("id_");

    private final String modifier;

    ReplayMode(String modifier) {
        this.modifier = modifier;
    }

    public String modifier() {
        return modifier;
    }

    /**
     * The mode for a modifier. pywb's content hints (im_, js_, cs_, if_, fw_, oe_) all replay rewritten here:
     * the rewriter picks the treatment from the archived Content-Type, not from the hint.
     */
    public static ReplayMode of(String modifier) {
        if (modifier == null || modifier.isEmpty()) return FRAME;
        if (modifier.equals("id_")) return ORIGINAL;
        return REWRITTEN;
    }
}
