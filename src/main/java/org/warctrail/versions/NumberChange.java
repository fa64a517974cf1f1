package org.warctrail.versions;

/**
 * A number that changed in place: "at least 70 soldiers" became "62 soldiers".
 *
 * @param from        the number as the old version wrote it
 * @param to          the number as the new version writes it
 * @param context     the new version's words around the number
 * @param fromContext the old version's words around the number
 * @param where       "text" or "title"
 */
public record NumberChange(String from, String to, String context, String fromContext, String where) {
}
