package org.warctrail.versions;

/** One side of a diff: which capture it is and what it answered. */
public record VersionRef(String timestamp, String title, int status, String redirect, String digest) {

    static VersionRef of(Version v) {
        return new VersionRef(v.timestamp(), v.title(), v.status(), v.redirect(), v.digest());
    }
}
